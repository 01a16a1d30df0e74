import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type CommandIo, ExitCode } from './io.js';
import { parseCommandArgs } from './parseCommandArgs.js';

type OptionDefinitions = NonNullable<ParseArgsConfig['options']>;

const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;

type ParsedOptions<O extends OptionDefinitions> = ReturnType<
  typeof parseArgs<{ args: string[]; strict: true; allowPositionals: true; options: O & typeof HELP }>
>['values'];

/** A command that acts on one operand: `fleet rollback <model>`, `fleet redrive <queue>`. */
export type OperandCommandArgs<O extends OptionDefinitions> = {
  /** The command's name, as typed after `fleet`. */
  name: string;
  usage: string;
  /** Its options (`node:util` parseArgs definitions); `--help`/`-h` is added. */
  options: O;
  /** What the usage error says when there are no or several operands, given how many there were. */
  problem: (count: number) => string;
};

/**
 * Parses the arguments of a command that acts on one operand, strictly, as
 * {@link parseCommandArgs} does (usage errors and `--help` answered the same way for every
 * command), then requires exactly one positional argument: with none or several, it writes
 * `fleet <name>: <problem>` and the usage on stderr and answers exit code 2.
 *
 * Returns the options and the operand, or the exit code when the command has nothing more to do.
 */
export const parseOperandArgs = <O extends OptionDefinitions>(
  command: OperandCommandArgs<O>,
  argv: string[],
  io: CommandIo,
): { options: ParsedOptions<O>; operand: string } | { exitCode: number } => {
  const parse = (args: string[]) =>
    parseArgs({ args, strict: true, allowPositionals: true, options: { ...command.options, ...HELP } }) as {
      values: ParsedOptions<O> & { help?: boolean };
      positionals: string[];
    };
  const parsed = parseCommandArgs(
    { name: command.name, usage: command.usage, parse, help: (o) => o.values.help },
    argv,
    io,
  );
  if ('exitCode' in parsed) return parsed;
  const { values, positionals } = parsed.options;
  if (positionals.length !== 1) {
    io.stderr(`fleet ${command.name}: ${command.problem(positionals.length)}\n\n${command.usage}`);
    return { exitCode: ExitCode.usage };
  }
  return { options: values, operand: positionals[0] };
};
