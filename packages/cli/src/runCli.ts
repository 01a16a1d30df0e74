import { commands } from './commands/index.js';
import { type CommandIo, ExitCode } from './io.js';

const usage = async (): Promise<string> => {
  const lines = ['usage: fleet <command> [options]', '', 'commands:'];
  for (const [name, load] of Object.entries(commands)) lines.push(`  ${name.padEnd(10)} ${(await load()).summary}`);
  lines.push('', 'Run `fleet <command> --help` for the options of one command.');
  return `${lines.join('\n')}\n`;
};

/**
 * Runs one `fleet` invocation and returns its exit code.
 *
 * Unexpected errors are reported on stderr with exit code 2, never as a stack trace alone.
 */
export const runCli = async (argv: string[], io: CommandIo): Promise<number> => {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await usage());
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  const load = commands[name];
  if (load === undefined) {
    io.stderr(`fleet: unknown command "${name}"\n\n${await usage()}`);
    return ExitCode.usage;
  }
  try {
    return await (await load()).run(rest, io);
  } catch (error) {
    io.stderr(`fleet ${name}: ${(error as Error).message}\n`);
    return ExitCode.usage;
  }
};
