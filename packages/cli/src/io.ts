/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export type CommandIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
};

/** A `fleet` subcommand: takes its arguments, returns its exit code. */
export type Command = {
  summary: string;
  run: (argv: string[], io: CommandIo) => Promise<number>;
};

/** Exit codes shared by every command. */
export const ExitCode = { ok: 0, failed: 1, usage: 2 } as const;
