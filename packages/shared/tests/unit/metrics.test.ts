import { createObservability, FleetMetric, MetricDimension, SkipReason, skippedMetricName } from '../../src/index.js';

describe('metric names', () => {
  it('spells every metric as its key, so a constant and the emitted name never differ', () => {
    // Act
    const mismatched = Object.entries(FleetMetric).filter(([key, value]) => key !== value);

    // Assess
    expect(mismatched).toEqual([]);
  });

  it('keeps the names validate-dataset and trigger-retraining already emit', () => {
    // Prepare
    const emitted = [
      'DatasetsValidated',
      'DatasetsRejected',
      'DuplicateDeliveries',
      'ConcurrentDeliveries',
      'ObjectsSkipped',
      'RowsValidated',
      'BytesValidated',
      'ValidationDuration',
      'RetrainingStarted',
      'RetrainingSkipped',
      'TriggerIgnored',
      'RetrainingFinished',
    ];

    // Act
    const names: string[] = Object.values(FleetMetric);

    // Assess
    expect(emitted.filter((name) => !names.includes(name))).toEqual([]);
  });

  it('has the names the dashboard reads for the next services', () => {
    // Prepare
    const dashboard = [
      'RetrainingFailed',
      'BestEffortFailures',
      'ApprovalsRequested',
      'ApprovalsDecided',
      'DeploymentsSucceeded',
      'DeploymentsFailed',
      'DriftChecks',
      'DriftDetected',
      'NotificationsDelivered',
      'NotificationsFailed',
      'LeaseTakeovers',
    ];

    // Act
    const names: string[] = Object.values(FleetMetric);

    // Assess
    expect(dashboard.filter((name) => !names.includes(name))).toEqual([]);
  });

  it('stays within the CloudWatch metric name limits (1-255 characters, no colon)', () => {
    // Act
    const bad = Object.values(FleetMetric).filter(
      (name) => name.length === 0 || name.length > 255 || name.includes(':'),
    );

    // Assess
    expect(bad).toEqual([]);
  });

  it('names the shared dimensions in lower case', () => {
    // Assess
    expect(MetricDimension).toEqual({ service: 'service', model: 'model', pipeline: 'pipeline' });
  });

  it('uses the dimension name Powertools gives the service', () => {
    // Prepare
    const { metrics } = createObservability('metrics-test');
    metrics.addDimension(MetricDimension.model, 'churn');
    metrics.addMetric(FleetMetric.DriftChecks, 'Count', 1);

    // Act
    const emf = metrics.serializeMetrics();
    metrics.clearMetrics();
    metrics.clearDimensions();

    // Assess
    expect(emf._aws.CloudWatchMetrics[0].Dimensions[0]).toEqual(
      expect.arrayContaining([MetricDimension.service, MetricDimension.model]),
    );
    expect(emf[MetricDimension.service]).toBe('metrics-test');
  });

  it.each(SkipReason.options)('names the per-reason skip counter of %s as trigger-retraining emits it', (reason) => {
    // Act
    const name = skippedMetricName(reason);

    // Assess
    expect(name).toBe(`Skipped-${reason}`);
  });
});
