import { createObservability, METRICS_NAMESPACE } from '../../src/index.js';

describe('createObservability', () => {
  it('returns the same logger, metrics and tracer for one service name', () => {
    // Act
    const first = createObservability('observability-a');
    const second = createObservability('observability-a');

    // Assess
    expect(second).toBe(first);
    expect(second.logger).toBe(first.logger);
  });

  it('gives each service its own instances', () => {
    // Act
    const a = createObservability('observability-b');
    const b = createObservability('observability-c');

    // Assess
    expect(a.logger).not.toBe(b.logger);
    expect(a.metrics).not.toBe(b.metrics);
  });

  it('publishes metrics to the fleet namespace', () => {
    // Prepare
    const { metrics } = createObservability('observability-d');
    metrics.addMetric('triggers', 'Count', 1);

    // Act
    const emf = metrics.serializeMetrics();
    metrics.clearMetrics();

    // Assess
    expect(METRICS_NAMESPACE).toBe('fleet');
    expect(emf._aws.CloudWatchMetrics[0].Namespace).toBe('fleet');
    expect(emf.service).toBe('observability-d');
  });

  it('keeps tracing off outside Lambda, so handlers run in tests and the local cloud', () => {
    // Act
    const { tracer } = createObservability('observability-e');

    // Assess
    expect(tracer.isTracingEnabled()).toBe(false);
  });
});
