/**
 * The rollback function refused or failed (`NothingToRollBackError`, `DeploymentInProgressError`,
 * `DeploymentsPausedError`, ...): `errorType` is its error's name and the message its words.
 */
export class RollbackRefusedError extends Error {
  readonly errorType: string;

  constructor(functionName: string, errorType: string, message: string) {
    super(`${functionName} answered ${errorType}: ${message}`);
    this.name = 'RollbackRefusedError';
    this.errorType = errorType;
  }
}
