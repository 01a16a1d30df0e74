/**
 * The dimension names every fleet service uses on its metrics.
 *
 * One spelling across services, so a dashboard groups by `model` once instead of `Model`,
 * `modelName` and `model` in three services. `service` is the one Powertools adds from the
 * service name; `model` and `pipeline` are added by the services that know them.
 */
export const MetricDimension = {
  service: 'service',
  model: 'model',
  pipeline: 'pipeline',
} as const;

/** One of the {@link MetricDimension} names. */
export type MetricDimensionName = (typeof MetricDimension)[keyof typeof MetricDimension];
