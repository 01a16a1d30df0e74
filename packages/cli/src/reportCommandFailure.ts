import { ConfigError, PauseSwitchError } from '@fleet/shared';
import { AuditInputError } from './audit/AuditInputError.js';
import { AwsCommandError } from './aws/AwsCommandError.js';
import { RecordsTableError } from './aws/RecordsTableError.js';
import { type CommandIo, ExitCode } from './io.js';
import { OperationInputError } from './operations/OperationInputError.js';
import { RollbackRefusedError } from './operations/RollbackRefusedError.js';

/**
 * Reports a failure of an operator's command (`fleet history`, `trace`, `pause`, `resume`,
 * `rollback`, `redrive`) on stderr and returns its exit code: 2 for what the operator asked
 * wrongly (unknown model, bad `--since`, no table, unreadable configuration), 1 for a failed AWS
 * call, a refused rollback or a switch that kept changing under the write. Anything else is a bug
 * and is rethrown, for `runCli` to report.
 */
export const reportCommandFailure = (command: string, error: unknown, io: CommandIo): number => {
  if (
    error instanceof AuditInputError ||
    error instanceof OperationInputError ||
    error instanceof RecordsTableError ||
    error instanceof ConfigError
  ) {
    io.stderr(`fleet ${command}: ${error.message}\n`);
    return ExitCode.usage;
  }
  if (error instanceof AwsCommandError || error instanceof RollbackRefusedError || error instanceof PauseSwitchError) {
    io.stderr(`fleet ${command}: ${error.message}\n`);
    return ExitCode.failed;
  }
  throw error;
};
