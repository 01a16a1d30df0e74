import type { LoadedFleetConfig } from '@fleet/shared';
import { type ChampionSource, newestApproved, servingPackage } from '../domain/chooseChampion.js';
import { MetricNotFoundError, MissingModelMetricsError } from '../domain/errors.js';
import { allMetrics, metricAt } from '../domain/metricAt.js';
import { type GateVerdict, qualityGate } from '../domain/qualityGate.js';
import type { ApprovalExecutionInput } from './ApprovalExecution.js';
import type { ApprovalPorts } from './ApprovalPorts.js';
import { settingsOf } from './modelSettings.js';
import type { Metrics } from './records.js';

/** What Compare hands to the gate and the request (the state machine keeps it at `$.comparison`). */
export type Comparison = {
  metric: string;
  challenger: number;
  metrics: Metrics;
  champion: { modelPackageArn: string; source: ChampionSource; value: number } | null;
  championMetrics: Metrics | null;
  gate: GateVerdict;
  /** When a request made now stops waiting: now plus `timeoutHours`. */
  expiresAt: string;
};

type ComparePorts = Pick<ApprovalPorts, 'store' | 'registry' | 'evaluations' | 'clock' | 'logger'>;

const evaluationOf = async (modelPackageArn: string, ports: ComparePorts) => {
  const described = await ports.registry.describe(modelPackageArn);
  if (described.metricsUri === undefined) throw new MissingModelMetricsError(modelPackageArn);
  return ports.evaluations.read(described.metricsUri);
};

/** The champion's package and where it was found, or `undefined` when the model has none. */
const findChampion = async (
  input: ApprovalExecutionInput,
  ports: ComparePorts,
): Promise<{ arn: string; source: ChampionSource } | undefined> => {
  const deployed = servingPackage(await ports.store.deployments(input.model));
  if (deployed !== undefined && deployed !== input.modelPackageArn) return { arn: deployed, source: 'deployment' };
  const approved = newestApproved(await ports.registry.listApproved(input.modelPackageGroup), input.modelPackageArn);
  return approved === undefined ? undefined : { arn: approved, source: 'registry' };
};

/**
 * Compares the challenger with the champion and applies the quality gate.
 *
 * The champion is the package serving on the model's endpoint (the newest deployment record
 * with `decision: 'deployed'`), else the newest `Approved` package of the group (asked with
 * `SortBy: CreationTime`, `SortOrder: Descending`), else none: then only `minimum` applies.
 *
 * @throws MissingModelMetricsError, MetricNotFoundError when the challenger cannot be measured
 * @throws SageMakerTaskError (classified) when the registry fails
 */
export const compare = async (
  input: ApprovalExecutionInput,
  config: Pick<LoadedFleetConfig, 'models'>,
  ports: ComparePorts,
): Promise<Comparison> => {
  const { approval } = settingsOf(config, input.model);
  const evaluation = await evaluationOf(input.modelPackageArn, ports);
  const challenger = metricAt(evaluation, approval.metricsPath, input.modelPackageArn);
  const metrics = { ...allMetrics(evaluation), [approval.metric]: challenger };

  const chosen = await findChampion(input, ports);

  let champion: Comparison['champion'] = null;
  let championMetrics: Metrics | null = null;
  if (chosen !== undefined) {
    try {
      const championEvaluation = await evaluationOf(chosen.arn, ports);
      const value = metricAt(championEvaluation, approval.metricsPath, chosen.arn);
      champion = { modelPackageArn: chosen.arn, source: chosen.source, value };
      championMetrics = { ...allMetrics(championEvaluation), [approval.metric]: value };
    } catch (error) {
      if (!(error instanceof MetricNotFoundError || error instanceof MissingModelMetricsError)) throw error;
      // A champion that cannot be measured leaves the floor as the only gate; say so.
      ports.logger.warn('the champion has no usable metrics; comparing with the minimum only', {
        correlationId: input.correlationId,
        champion: chosen.arn,
        error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
      });
    }
  }
  const gate = qualityGate({
    metric: approval.metric,
    challenger,
    champion: champion?.value,
    minimum: approval.minimum,
    maxRegression: approval.maxRegression,
  });
  const expiresAt = new Date(ports.clock.now().getTime() + approval.timeoutHours * 3_600_000).toISOString();
  return { metric: approval.metric, challenger, metrics, champion, championMetrics, gate, expiresAt };
};
