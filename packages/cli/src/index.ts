export type { Command, CommandIo } from './io.js';
export { ExitCode } from './io.js';
export { runCli } from './runCli.js';
