import {
  DescribeModelPackageCommand,
  ListModelPackagesCommand,
  type SageMakerClient,
  UpdateModelPackageCommand,
} from '@aws-sdk/client-sagemaker';
import type { ModelPackage, ModelRegistry } from '../app/ports.js';
import type { PackageSummary } from '../domain/chooseChampion.js';
import { classifySageMakerError } from '../domain/classifyErrors.js';

/** How many approved packages the champion lookup reads: the newest is the first. */
const CHAMPION_PAGE = 10;

const classified = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    throw classifySageMakerError(error);
  }
};

/**
 * The SageMaker Model Registry over the SDK. Every failure is rethrown classified
 * (`SageMakerTransientError`, `ModelPackageNotFoundError`, `ModelPackageConflictError`,
 * `SageMakerRequestError`), after the SDK's own retries.
 */
export class SageMakerModelRegistry implements ModelRegistry {
  readonly #client: SageMakerClient;

  constructor(client: SageMakerClient) {
    this.#client = client;
  }

  describe(modelPackageArn: string): Promise<ModelPackage> {
    return classified(async () => {
      const out = await this.#client.send(new DescribeModelPackageCommand({ ModelPackageName: modelPackageArn }));
      return {
        modelPackageArn: out.ModelPackageArn ?? modelPackageArn,
        modelPackageGroup: out.ModelPackageGroupName ?? '',
        version: out.ModelPackageVersion,
        status: (out.ModelApprovalStatus ?? 'PendingManualApproval') as ModelPackage['status'],
        metricsUri: out.ModelMetrics?.ModelQuality?.Statistics?.S3Uri,
        generatedBy: out.MetadataProperties?.GeneratedBy,
        creationTime: out.CreationTime,
      };
    });
  }

  listApproved(group: string): Promise<PackageSummary[]> {
    return classified(async () => {
      // SortOrder is set explicitly: the API's default is Ascending, which puts the oldest first.
      const out = await this.#client.send(
        new ListModelPackagesCommand({
          ModelPackageGroupName: group,
          ModelApprovalStatus: 'Approved',
          SortBy: 'CreationTime',
          SortOrder: 'Descending',
          MaxResults: CHAMPION_PAGE,
        }),
      );
      return (out.ModelPackageSummaryList ?? []).flatMap((p) =>
        p.ModelPackageArn === undefined ? [] : [{ modelPackageArn: p.ModelPackageArn, creationTime: p.CreationTime }],
      );
    });
  }

  setStatus(modelPackageArn: string, status: 'Approved' | 'Rejected', description: string): Promise<void> {
    return classified(async () => {
      await this.#client.send(
        new UpdateModelPackageCommand({
          ModelPackageArn: modelPackageArn,
          ModelApprovalStatus: status,
          ApprovalDescription: description,
        }),
      );
    });
  }
}
