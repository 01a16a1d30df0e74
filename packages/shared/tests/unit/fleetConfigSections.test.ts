import { durationMinutes, parseFleetConfig } from '../../src/index.js';

const base = `
version: 1
models:
  churn:
    pipeline: churn-retrain
SECTION
pipelines:
  churn-retrain: {}
`;

/** Parses the minimal configuration with `section` indented under `models.churn`. */
const withModel = (section: string) =>
  parseFleetConfig(
    base.replace(
      'SECTION',
      section
        .trim()
        .split('\n')
        .map((line) => `    ${line}`)
        .join('\n'),
    ),
    { file: 'fleet.config.yaml', stage: 'dev' },
  );

const deployment = `
deployment:
  endpointName: churn-prod
  instanceType: ml.m5.large
  executionRoleArn: arn:aws:iam::123456789012:role/fleet-sagemaker`;

describe('fleet configuration: per-model sections', () => {
  it('leaves every section absent when a model declares none', () => {
    // Act
    const config = withModel('datasets: []');

    // Assess
    const churn = config.models.churn;
    expect(churn.modelPackageGroup).toBeUndefined();
    expect(churn.approval).toBeUndefined();
    expect(churn.deployment).toBeUndefined();
    expect(churn.drift).toBeUndefined();
    expect(churn.routing).toEqual({});
  });

  it('accepts a PagerDuty parameter for each of the four severities', () => {
    // Act
    const config = withModel(`
routing:
  pagerduty: { info: /pd/i, warning: /pd/w, error: /pd/e, critical: /pd/c }`);

    // Assess
    expect(config.models.churn.routing.pagerduty).toEqual({
      info: '/pd/i',
      warning: '/pd/w',
      error: '/pd/e',
      critical: '/pd/c',
    });
  });

  it('throws naming a PagerDuty severity that does not exist', () => {
    // Act
    const parsing = () => withModel('routing:\n  pagerduty: { fatal: /pd/f }');

    // Assess
    expect(parsing).toThrow('fleet.config.yaml: models.churn.routing.pagerduty: Unrecognized key: "fatal"');
  });

  it('accepts routing rules by detail-type, per model and fleet-wide', () => {
    // Prepare
    const text = `${base.replace('SECTION', '    routing:\n      rules:\n        - { event: Dataset Rejected, slack: false }')}
routing:
  slackChannel: C0FLEETOPS
  rules:
    - { event: Drift Detected, pagerduty: true, minSeverity: critical }
`;

    // Act
    const config = parseFleetConfig(text, { file: 'fleet.config.yaml', stage: 'dev' });

    // Assess
    expect(config.models.churn.routing.rules).toEqual([{ event: 'Dataset Rejected', slack: false }]);
    expect(config.routing?.rules?.[0]).toEqual({ event: 'Drift Detected', pagerduty: true, minSeverity: 'critical' });
  });

  it('throws naming a routing rule for an event the catalog does not have', () => {
    // Act
    const parsing = () => withModel('routing:\n  rules:\n    - { event: Dataset Landed }');

    // Assess
    expect(parsing).toThrow('models.churn.routing.rules.0.event:');
  });

  it('throws naming a model package group that is not a SageMaker name', () => {
    // Act
    const parsing = () => withModel('modelPackageGroup: churn_models');

    // Assess
    expect(parsing).toThrow('models.churn.modelPackageGroup: expected a SageMaker name');
  });

  it('applies the approval defaults and derives metricsPath from the metric', () => {
    // Act
    const config = withModel('modelPackageGroup: churn\napproval: { metric: roc_auc, minimum: 0.8 }');

    // Assess
    expect(config.models.churn.approval).toEqual({
      timeoutHours: 24,
      metric: 'roc_auc',
      metricsPath: 'metrics.roc_auc.value',
      minimum: 0.8,
      maxRegression: 0,
      onTimeout: 'keep-pending',
    });
  });

  it('keeps an explicit metricsPath', () => {
    // Act
    const config = withModel('approval: { metric: auc, metricsPath: binary.auc.value, onTimeout: reject }');

    // Assess
    expect(config.models.churn.approval).toMatchObject({ metricsPath: 'binary.auc.value', onTimeout: 'reject' });
  });

  it.each([
    ['approval: { timeoutHours: 24 }', 'models.churn.approval.metric:'],
    ['approval: { metric: auc, maxRegression: -0.1 }', 'models.churn.approval.maxRegression:'],
    ['approval: { metric: auc, timeoutHours: 0 }', 'models.churn.approval.timeoutHours:'],
    ['approval: { metric: auc, onTimeout: approve }', 'models.churn.approval.onTimeout:'],
    ['approval: { metric: auc, quorum: 2 }', 'models.churn.approval: Unrecognized key: "quorum"'],
  ])('throws for %s naming the field', (section, expected) => {
    // Act
    const parsing = () => withModel(section);

    // Assess
    expect(parsing).toThrow(`fleet.config.yaml: ${expected}`);
  });

  it('applies the deployment defaults: a 10 % canary on two instances', () => {
    // Act
    const config = withModel(deployment);

    // Assess
    expect(config.models.churn.deployment).toMatchObject({
      variantName: 'AllTraffic',
      instanceCount: 2,
      strategy: 'canary',
      canaryPercent: 10,
      waitIntervalSeconds: 600,
      terminationWaitSeconds: 600,
      rollbackAlarms: [],
    });
  });

  it.each([
    ['  endpointName: churn_prod', 'models.churn.deployment.endpointName: expected a SageMaker name'],
    ['  waitIntervalSeconds: 3601', 'models.churn.deployment.waitIntervalSeconds:'],
    ['  terminationWaitSeconds: -1', 'models.churn.deployment.terminationWaitSeconds:'],
    ['  maximumExecutionTimeoutSeconds: 599', 'models.churn.deployment.maximumExecutionTimeoutSeconds:'],
    ['  maximumExecutionTimeoutSeconds: 28801', 'models.churn.deployment.maximumExecutionTimeoutSeconds:'],
    ['  strategy: linear\n  linearStepPercent: 5', 'models.churn.deployment.linearStepPercent:'],
    ['  strategy: linear', 'models.churn.deployment.linearStepPercent: required when strategy is "linear"'],
    ['  canaryPercent: 60', 'models.churn.deployment.canaryPercent:'],
    ['  instanceCount: 3\n  canaryPercent: 50', 'models.churn.deployment.canaryPercent: a canary of 50 %'],
    ['  instanceCount: 1', 'models.churn.deployment.strategy: a single instance allows only "all-at-once"'],
    ['  rollbackAlarms: [a, b, c, d, e, f, g, h, i, j, k]', 'models.churn.deployment.rollbackAlarms:'],
    ['  executionRoleArn: fleet-sagemaker', 'models.churn.deployment.executionRoleArn: expected an IAM role ARN'],
    ['  instanceType: m5.large', 'models.churn.deployment.instanceType:'],
    ['  dataCapture: { samplingPercent: 101 }', 'models.churn.deployment.dataCapture.samplingPercent:'],
    [
      '  maximumExecutionTimeoutSeconds: 1200',
      'models.churn.deployment.maximumExecutionTimeoutSeconds: must be more than the waits add up to (1200 s)',
    ],
  ])('throws for %j naming the field', (extra, expected) => {
    // Prepare
    const lines = deployment.split('\n').filter((line) => !line.startsWith(`  ${extra.trim().split(':')[0]}:`));

    // Act
    const parsing = () => withModel(`${lines.join('\n')}\n${extra}`);

    // Assess
    expect(parsing).toThrow(`fleet.config.yaml: ${expected}`);
  });

  it('accepts a single instance deployed all at once, and a linear deployment within its timeout', () => {
    // Act
    const single = withModel(`${deployment}\n  instanceCount: 1\n  strategy: all-at-once`);
    const linear = withModel(
      `${deployment}\n  strategy: linear\n  linearStepPercent: 25\n  waitIntervalSeconds: 300\n  maximumExecutionTimeoutSeconds: 1801`,
    );

    // Assess
    expect(single.models.churn.deployment?.strategy).toBe('all-at-once');
    expect(linear.models.churn.deployment?.linearStepPercent).toBe(25);
  });

  it('applies the drift defaults', () => {
    // Act
    const config = withModel('drift: {}');

    // Assess
    expect(config.models.churn.drift).toEqual({
      schedule: 'rate(1 day)',
      window: '24h',
      graceMinutes: 10,
      baseline: 'training',
      maxRows: 200_000,
      persistence: 2,
      retrainOn: 'critical',
      modelMonitor: { namespace: 'aws/sagemaker/Endpoints/data-metrics' },
    });
  });

  it('passes @fleet/drift thresholds through for the drift monitor to validate', () => {
    // Act
    const config = withModel('drift:\n  thresholds: { alpha: 0.01, features: { tenure: { test: ks } } }');

    // Assess
    expect(config.models.churn.drift?.thresholds).toEqual({ alpha: 0.01, features: { tenure: { test: 'ks' } } });
  });

  it.each([
    ['drift: { schedule: every day }', 'models.churn.drift.schedule: expected an EventBridge schedule expression'],
    ['drift: { window: 24 hours }', 'models.churn.drift.window: expected a duration'],
    ['drift: { schedule: rate(6 hours), window: 24h }', 'models.churn.drift.schedule: runs every 360 minutes'],
    ['drift: { baseline: /data/train.csv }', 'models.churn.drift.baseline:'],
    ['drift: { retrainOn: info }', 'models.churn.drift.retrainOn:'],
    ['drift: { persistence: 0 }', 'models.churn.drift.persistence:'],
    ['drift: { groundTruth: { lookbackHours: 24 } }', 'models.churn.drift.groundTruth.prefix:'],
    ['drift: { windowSize: 3 }', 'models.churn.drift: Unrecognized key: "windowSize"'],
  ])('throws for %s naming the field', (section, expected) => {
    // Act
    const parsing = () => withModel(section);

    // Assess
    expect(parsing).toThrow(`fleet.config.yaml: ${expected}`);
  });

  it('accepts a cron schedule and an explicit baseline', () => {
    // Act
    const config = withModel('drift: { schedule: "cron(0 6 * * ? *)", baseline: "s3://data/train/churn.csv" }');

    // Assess
    expect(config.models.churn.drift).toMatchObject({
      schedule: 'cron(0 6 * * ? *)',
      baseline: 's3://data/train/churn.csv',
    });
  });
});

describe('durationMinutes', () => {
  it.each([
    ['90m', 90],
    ['24h', 1440],
    ['1d', 1440],
    ['rate(1 minute)', 1],
    ['rate(6 hours)', 360],
    ['rate(2 days)', 2880],
    ['cron(0 6 * * ? *)', undefined],
    ['24 hours', undefined],
  ])('reads %s as %s minutes', (text, minutes) => {
    // Act
    const result = durationMinutes(text);

    // Assess
    expect(result).toBe(minutes);
  });
});
