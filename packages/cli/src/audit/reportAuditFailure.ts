import { ConfigError } from '@fleet/shared';
import { AwsCommandError } from '../aws/AwsCommandError.js';
import { RecordsTableError } from '../aws/RecordsTableError.js';
import { type CommandIo, ExitCode } from '../io.js';
import { AuditInputError } from './AuditInputError.js';

/**
 * Reports a failure of `fleet history` or `fleet trace` on stderr and returns its exit code:
 * 2 for what the operator asked wrongly (unknown name, bad `--since`, no table, unreadable
 * configuration), 1 for a failed AWS call. Anything else is a bug and is rethrown, for `runCli`
 * to report.
 */
export const reportAuditFailure = (command: string, error: unknown, io: CommandIo): number => {
  if (error instanceof AuditInputError || error instanceof RecordsTableError || error instanceof ConfigError) {
    io.stderr(`fleet ${command}: ${error.message}\n`);
    return ExitCode.usage;
  }
  if (error instanceof AwsCommandError) {
    io.stderr(`fleet ${command}: ${error.message}\n`);
    return ExitCode.failed;
  }
  throw error;
};
