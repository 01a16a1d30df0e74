import { ConfigError, PauseSwitchError } from '@fleet/shared';
import { AwsCommandError } from '../aws/AwsCommandError.js';
import { RecordsTableError } from '../aws/RecordsTableError.js';
import { type CommandIo, ExitCode } from '../io.js';
import { OperationInputError } from './OperationInputError.js';
import { RollbackRefusedError } from './RollbackRefusedError.js';

/**
 * Reports a failure of `fleet pause`, `fleet resume`, `fleet rollback` or `fleet redrive` on stderr
 * and returns its exit code: 2 for what the operator asked wrongly (unknown model, no table, unreadable
 * configuration), 1 for a failed AWS call, a refused rollback or a switch that kept changing
 * under the write. Anything else is a bug and is rethrown, for `runCli` to report.
 */
export const reportOperationFailure = (command: string, error: unknown, io: CommandIo): number => {
  if (error instanceof OperationInputError || error instanceof RecordsTableError || error instanceof ConfigError) {
    io.stderr(`fleet ${command}: ${error.message}\n`);
    return ExitCode.usage;
  }
  if (error instanceof AwsCommandError || error instanceof RollbackRefusedError || error instanceof PauseSwitchError) {
    io.stderr(`fleet ${command}: ${error.message}\n`);
    return ExitCode.failed;
  }
  throw error;
};
