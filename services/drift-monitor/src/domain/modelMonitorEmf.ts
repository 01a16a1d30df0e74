/** The CloudWatch embedded metric format document of Model Monitor's data-quality metrics for one window. */
export type EmfDocument = {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[];
  };
  Endpoint: string;
  MonitoringSchedule: string;
  [metric: string]: unknown;
};

/** EMF allows at most 100 metrics per directive. */
const MAX_METRICS = 100;

/**
 * The metric name Model Monitor gives a feature's drift distance.
 *
 * @example modelMonitorMetricName('tenure_months') // 'feature_baseline_drift_tenure_months'
 */
export const modelMonitorMetricName = (feature: string): string => `feature_baseline_drift_${feature}`;

/**
 * Builds the EMF document that publishes `feature_baseline_drift_<feature>` under Model
 * Monitor's namespace with its dimensions `Endpoint` and `MonitoringSchedule`, so dashboards
 * and alarms made for Model Monitor read the fleet's checks. Features whose distance is not a
 * number are left out; beyond 100 features, the rest go in further directives.
 */
export const modelMonitorEmf = (input: {
  namespace: string;
  endpoint: string;
  monitoringSchedule: string;
  at: Date;
  distances: Readonly<Record<string, number>>;
}): EmfDocument => {
  const entries = Object.entries(input.distances).filter(([, value]) => Number.isFinite(value));
  const directives: EmfDocument['_aws']['CloudWatchMetrics'] = [];
  for (let i = 0; i < entries.length; i += MAX_METRICS) {
    directives.push({
      Namespace: input.namespace,
      Dimensions: [['Endpoint', 'MonitoringSchedule']],
      Metrics: entries
        .slice(i, i + MAX_METRICS)
        .map(([name]) => ({ Name: modelMonitorMetricName(name), Unit: 'None' })),
    });
  }
  return {
    _aws: { Timestamp: input.at.getTime(), CloudWatchMetrics: directives },
    Endpoint: input.endpoint,
    MonitoringSchedule: input.monitoringSchedule,
    ...Object.fromEntries(entries.map(([name, value]) => [modelMonitorMetricName(name), value])),
  };
};
