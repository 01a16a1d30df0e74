import type { DatasetValidated, FleetConfig } from '@fleet/shared';
import type { TriggerRequest } from '../../domain/TriggerRequest.js';
import { triggerIdentity } from '../../domain/triggerIdentity.js';

/**
 * The pipeline a validated dataset retrains: the dataset's own `pipeline`, else the pipeline of
 * the first model that lists the dataset; `undefined` when none does.
 */
export const datasetPipeline = (
  config: Pick<FleetConfig, 'datasets' | 'models'>,
  dataset: string,
): string | undefined =>
  config.datasets[dataset]?.pipeline ??
  Object.values(config.models).find((model) => model.datasets.includes(dataset))?.pipeline;

/** The `s3://bucket/prefix/` a key lands under: everything up to its last `/`. */
export const landingPrefix = (bucket: string, key: string): string =>
  `s3://${bucket}/${key.includes('/') ? key.slice(0, key.lastIndexOf('/') + 1) : ''}`;

/**
 * The request a `Dataset Validated` makes: its identity is the object, and it is a landing
 * under the object's prefix, so the debounce guard applies.
 */
export const datasetRequest = (detail: DatasetValidated, pipeline: string): TriggerRequest => {
  const trigger = triggerIdentity({
    kind: 'dataset',
    bucket: detail.bucket,
    key: detail.key,
    versionId: detail.versionId,
    etag: detail.etag,
  });
  const s3Uri = `s3://${detail.bucket}/${detail.key}`;
  const reason = `dataset ${detail.dataset} validated against ${detail.contract}: ${s3Uri} (${detail.rows} rows)`;
  return {
    pipeline,
    trigger,
    reason,
    correlationId: detail.correlationId,
    requested: {},
    offered: { s3Uri, dataset: detail.dataset, contractHash: detail.contractHash, reason },
    landing: {
      prefix: landingPrefix(detail.bucket, detail.key),
      bucket: detail.bucket,
      key: detail.key,
      dataset: detail.dataset,
      contractHash: detail.contractHash,
    },
    covers: {
      objects: [
        {
          bucket: detail.bucket,
          key: detail.key,
          ...(detail.versionId === undefined ? {} : { versionId: detail.versionId }),
          ...(detail.etag === undefined ? {} : { etag: detail.etag }),
          validationRecordKey: detail.recordKey,
        },
      ],
      omitted: 0,
    },
  };
};
