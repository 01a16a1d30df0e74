import { type CommandIo, ExitCode } from './io.js';

/** How a command reads its arguments. */
export type CommandArgs<T> = {
  /** The command's name, as typed after `fleet`. */
  name: string;
  usage: string;
  /** Parses the arguments (`node:util` parseArgs); throws on a usage error. */
  parse: (argv: string[]) => T;
  /** True when the options ask for help. */
  help: (options: T) => boolean | undefined;
};

/**
 * Parses a command's arguments, answering a usage error (with the usage, on stderr, exit 2) and
 * `--help` (the usage on stdout, exit 0) the same way for every command.
 *
 * Returns the options, or the exit code when the command has nothing more to do.
 */
export const parseCommandArgs = <T>(
  command: CommandArgs<T>,
  argv: string[],
  io: CommandIo,
): { options: T } | { exitCode: number } => {
  let options: T;
  try {
    options = command.parse(argv);
  } catch (error) {
    io.stderr(`fleet ${command.name}: ${(error as Error).message}\n\n${command.usage}`);
    return { exitCode: ExitCode.usage };
  }
  if (command.help(options)) {
    io.stdout(command.usage);
    return { exitCode: ExitCode.ok };
  }
  return { options };
};
