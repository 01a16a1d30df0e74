import { FleetMetric, reportHandledFailure } from '../../src/index.js';

const recording = () => {
  const lines: { level: string; message: string; attributes: Record<string, unknown> }[] = [];
  const counted: { name: string; unit: string; value: number }[] = [];
  return {
    lines,
    counted,
    ports: {
      logger: {
        error: (message: string, attributes: Record<string, unknown>) =>
          lines.push({ level: 'error', message, attributes }),
        warn: (message: string, attributes: Record<string, unknown>) =>
          lines.push({ level: 'warn', message, attributes }),
      },
      metrics: { addMetric: (name: string, unit: 'Count', value: number) => counted.push({ name, unit, value }) },
    },
  };
};

describe('reportHandledFailure', () => {
  it('writes one error line with the correlation id, the step and the error, and counts BestEffortFailures', () => {
    // Prepare
    const { ports, lines, counted } = recording();

    // Act
    reportHandledFailure(ports, {
      step: 'RunLockReleaseFailed',
      message: 'could not release the run lock',
      correlationId: 'evt-1',
      error: new TypeError('table unavailable'),
      details: { pipeline: 'p' },
    });

    // Assess
    expect(lines).toEqual([
      {
        level: 'error',
        message: 'could not release the run lock',
        attributes: {
          correlationId: 'evt-1',
          step: 'RunLockReleaseFailed',
          error: { name: 'TypeError', message: 'table unavailable' },
          pipeline: 'p',
        },
      },
    ]);
    expect(counted).toEqual([{ name: FleetMetric.BestEffortFailures, unit: 'Count', value: 1 }]);
  });

  it('logs a warning for a lost courtesy and describes a thrown value that is not an Error', () => {
    // Prepare
    const { ports, lines, counted } = recording();

    // Act
    reportHandledFailure(ports, {
      step: 'FailureReasonLookupFailed',
      message: 'no failure reason',
      correlationId: 'evt-2',
      error: 'timeout',
      level: 'warn',
    });

    // Assess
    expect(lines).toEqual([
      {
        level: 'warn',
        message: 'no failure reason',
        attributes: {
          correlationId: 'evt-2',
          step: 'FailureReasonLookupFailed',
          error: { name: 'Error', message: 'timeout' },
        },
      },
    ]);
    expect(counted).toHaveLength(1);
  });
});
