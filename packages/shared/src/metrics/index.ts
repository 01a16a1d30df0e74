export { FleetMetric, type FleetMetricName, skippedMetricName } from './FleetMetric.js';
export { MetricDimension, type MetricDimensionName } from './MetricDimension.js';
