import type { DeploymentRecord } from './DeploymentRecord.js';
import type { DeploymentTaskInput } from './DeploymentState.js';

/**
 * The fields a rollback's deployment record carries (`trigger: 'rollback'`, who asked, why, the
 * package it replaces); none for an approval's deployment.
 */
export const rollbackFields = (
  input: Pick<DeploymentTaskInput, 'mode' | 'rollback'>,
): Pick<DeploymentRecord, 'trigger' | 'requestedBy' | 'reason' | 'previousModelPackageArn'> =>
  input.mode === 'rollback' && input.rollback !== undefined
    ? {
        trigger: 'rollback',
        requestedBy: input.rollback.requestedBy,
        previousModelPackageArn: input.rollback.previousModelPackageArn,
        ...(input.rollback.reason === undefined ? {} : { reason: input.rollback.reason }),
      }
    : {};
