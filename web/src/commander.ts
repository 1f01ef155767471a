// The page imports commander as a module: src/cli/commander.ts loads it with Node's
// createRequire (faster CLI start-up), which a browser bundle cannot do.
export { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
