#!/usr/bin/env node
import { processIo } from './context.js';
import { run } from './program.js';

// A reader that stops early (`trialstat … | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2), processIo());
