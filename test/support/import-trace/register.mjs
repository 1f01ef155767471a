// `node --import ./test/support/import-trace/register.mjs …` lists the modules a run loads.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
