import { type FleetConfig, partitionKey } from '@fleet/shared';
import { AuditInputError } from './AuditInputError.js';

/** Whose history `fleet history` lists: exactly one of a model, a pipeline or a dataset. */
export type HistorySubject = { model: string } | { pipeline: string } | { dataset: string };

const known = (what: string, name: string, names: string[]): void => {
  if (names.includes(name)) return;
  const configured = names.length === 0 ? 'none' : names.join(', ');
  throw new AuditInputError(`unknown ${what} "${name}": the configuration names ${configured}`);
};

/**
 * The partitions that make up a history, from the fleet configuration: a pipeline's or a
 * dataset's own partition; for a model its own (`MODEL#`: drift, approvals, deployments,
 * pauses), its pipeline's (`PIPELINE#`: the trigger decisions) and its datasets' (`DATASET#`: the
 * validations), so one model's story reads from landing to deployment.
 *
 * @throws AuditInputError naming the configured ones when the model, pipeline or dataset is unknown
 */
export const historyPartitions = (
  config: Pick<FleetConfig, 'models' | 'pipelines' | 'datasets'>,
  subject: HistorySubject,
): string[] => {
  if ('pipeline' in subject) {
    known('pipeline', subject.pipeline, Object.keys(config.pipelines));
    return [partitionKey('PIPELINE', subject.pipeline)];
  }
  if ('dataset' in subject) {
    known('dataset', subject.dataset, Object.keys(config.datasets));
    return [partitionKey('DATASET', subject.dataset)];
  }
  known('model', subject.model, Object.keys(config.models));
  const model = config.models[subject.model];
  return [
    partitionKey('MODEL', subject.model),
    partitionKey('PIPELINE', model.pipeline),
    ...model.datasets.map((dataset) => partitionKey('DATASET', dataset)),
  ];
};
