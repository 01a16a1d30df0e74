import path from 'node:path';
import { loadServerlessRules } from '../../src/serverless/loadServerlessRules.js';

const root = path.join(__dirname, 'fixtures', 'repo');
const service = (name: string) => path.join(root, 'services', name);

describe('loadServerlessRules', () => {
  const loaded = loadServerlessRules({ rootDir: root, stage: 'test', env: { SHOP_FIXTURE_VALUE: 'from-env' } });
  const ruleOf = (functionName: string) => loaded.rules.filter((rule) => rule.functionName === functionName);

  it('reads every service folder that has a serverless.yml', () => {
    // Assess
    expect(loaded.files).toEqual(
      ['broken', 'order-rollups', 'unresolved', 'upload-checks'].map((name) =>
        path.join(service(name), 'serverless.yml'),
      ),
    );
  });

  it('returns every function whose handler exists, also those no served event invokes', () => {
    // Act
    const names = loaded.functions.map((fn) => fn.functionName);

    // Assess
    expect(names).toEqual([
      'onUploadChecked',
      'onStockLow',
      'onPipelineStatus',
      'scheduledRollup',
      'misconfigured',
      'scheduleTick',
      'checkUpload',
    ]);
    expect(loaded.functions.find((fn) => fn.functionName === 'misconfigured')).toMatchObject({
      deployedName: 'shop-order-rollups-test-misconfigured',
      handlerPath: path.join(service('order-rollups'), 'src', 'handlers', 'onUploadChecked.ts'),
      maximumRetryAttempts: 2,
    });
  });

  it('puts a rule whose eventBus imports the shop bus on the shop bus', () => {
    // Act
    const [rule] = ruleOf('onUploadChecked');

    // Assess
    expect(rule).toMatchObject({
      kind: 'eventBridge',
      service: 'shop-order-rollups',
      functionName: 'onUploadChecked',
      deployedName: 'shop-order-rollups-test-onUploadChecked',
      ruleName: 'shop-order-rollups-test-onUploadChecked-rule-1',
      bus: 'custom',
      pattern: { source: ['shop.upload-checks'], 'detail-type': ['Upload Checked'] },
      handlerPath: path.join(service('order-rollups'), 'src', 'handlers', 'onUploadChecked.ts'),
      handlerExport: 'handler',
      timeoutSeconds: 10,
      memorySize: 1024,
      maximumRetryAttempts: 1,
      onFailure: 'arn:aws:sqs:eu-west-1:123456789012:shop-test-dlq',
      retryPolicy: { maximumEventAge: 3600, maximumRetryAttempts: 3 },
      deadLetterQueueArn: 'arn:aws:sqs:eu-west-1:123456789012:shop-test-dlq',
    });
    expect(rule.location).toEqual({ file: path.join(service('order-rollups'), 'serverless.yml'), line: 23 });
  });

  it('puts a rule without an eventBus on the default bus and keeps its inputPath', () => {
    // Act
    const [rule] = ruleOf('onPipelineStatus');

    // Assess
    expect(rule).toMatchObject({ bus: 'default', inputPath: '$.detail' });
  });

  it('keeps the input transformer of a rule', () => {
    // Act
    const [rule] = ruleOf('onStockLow');

    // Assess
    expect(rule).toMatchObject({
      bus: 'custom',
      inputTransformer: {
        inputPathsMap: { model: '$.detail.model', share: '$.detail.driftShare' },
        inputTemplate: '{"trigger": "drift", "model": <model>, "share": <share>, "rule": "<aws.events.rule-name>"}',
      },
    });
  });

  it('resolves file, self, env and core-stack imports in patterns and environments', () => {
    // Act
    const [rule] = ruleOf('checkUpload');

    // Assess
    expect(rule.pattern).toEqual({
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: {
        bucket: { name: ['shop-test-data-123456789012-eu-west-1'] },
        object: { key: [{ prefix: 'incoming/' }] },
      },
    });
    expect(rule.environment).toEqual({
      STAGE: 'test',
      EVENT_BUS_NAME: 'shop-test',
      TABLE_NAME: 'shop-test-records',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      FROM_ENV: 'from-env',
      RAW_PREFIX: 'incoming/',
      DATA_BUCKET: 'shop-test-data-123456789012-eu-west-1',
    });
    expect(rule).toMatchObject({ timeoutSeconds: 30, memorySize: 512, maximumRetryAttempts: 2 });
  });

  it('returns schedule events separately for the clock', () => {
    // Act
    const { schedules } = loaded;

    // Assess
    expect(schedules.map((rule) => [rule.functionName, rule.ruleName, rule.schedule, rule.input])).toEqual([
      [
        'scheduledRollup',
        'shop-order-rollups-test-scheduledRollup-schedule-1',
        { expressions: ['rate(1 day)'], method: 'eventBus' },
        undefined,
      ],
      [
        'scheduledRollup',
        'shop-order-rollups-test-scheduledRollup-schedule-2',
        { expressions: ['cron(0 3 * * ? *)', 'rate(12 hours)'], method: 'eventBus' },
        { pipeline: 'orders-rollup' },
      ],
      [
        'scheduleTick',
        'shop-order-rollups-test-scheduleTick-rule-1',
        { expressions: ['cron(0 3 * * ? *)'], method: 'eventBus' },
        undefined,
      ],
    ]);
    expect(schedules[2].inputTransformer).toEqual({
      inputPathsMap: { time: '$.time' },
      inputTemplate: '{"kind":"schedule","rule":"<aws.events.rule-arn>","scheduledTime":"<time>"}',
    });
  });

  it('skips and reports what it does not serve, with the file and line', () => {
    // Prepare
    const triggerFile = path.join(service('order-rollups'), 'serverless.yml');

    // Act
    const skipped = loaded.skipped.map((item) => [item.functionName, item.kind, item.location.line, item.reason]);

    // Assess
    expect(skipped).toEqual([
      ['scheduledRollup', 'schedule', 69, 'disabled (enabled: false)'],
      ['misconfigured', 'eventBridge', 77, expect.stringContaining('is neither the custom bus')],
      [
        'misconfigured',
        'eventBridge',
        82,
        'Event pattern is not valid. Reason: prefix match pattern must be a string (at "source")',
      ],
      ['misconfigured', 'sqs', 84, 'the local EventBridge serves eventBridge and schedule events, not sqs'],
      [
        'missingHandler',
        'eventBridge',
        89,
        expect.stringContaining('handler module src/handlers/doesNotExist not found'),
      ],
      ['checkUpload', 'http', 38, 'the local EventBridge serves eventBridge and schedule events, not http'],
    ]);
    expect(loaded.skipped.slice(0, 5).every((item) => item.location.file === triggerFile)).toBe(true);
  });

  it('reports files it cannot read or resolve without stopping', () => {
    // Act
    const messages = loaded.errors.map((error) => error.message);

    // Assess
    expect(messages).toEqual([
      expect.stringMatching(/broken[/\\]serverless\.yml:4: not valid YAML/),
      expect.stringMatching(
        /unresolved[/\\]serverless\.yml: provider\.environment\.SECRET: cannot resolve \$\{ssm:\/shop\/secret\} locally/,
      ),
    ]);
  });

  it('leaves out environment values it cannot resolve and warns', () => {
    // Act
    const [rule] = ruleOf('onUploadChecked');

    // Assess
    expect(rule.environment.QUEUE_ARN).toBeUndefined();
    expect(loaded.warnings).toContainEqual(
      expect.stringContaining(
        'functions.onUploadChecked.environment.QUEUE_ARN: {"Fn::GetAtt":["SomeLocalQueue","Arn"]} cannot be resolved locally',
      ),
    );
  });

  it('derives the core stack exports and the custom bus name', () => {
    // Assess
    expect(loaded.customBusName).toBe('shop-test');
    expect(loaded.imports).toMatchObject({
      'shop-test-EventBusName': 'shop-test',
      'shop-test-EventBusArn': 'arn:aws:events:eu-west-1:123456789012:event-bus/shop-test',
      'shop-test-RecordsTableName': 'shop-test-records',
      'shop-test-RecordsTableArn': 'arn:aws:dynamodb:eu-west-1:123456789012:table/shop-test-records',
      'shop-test-DeadLetterQueueUrl': 'https://sqs.eu-west-1.amazonaws.com/123456789012/shop-test-dlq',
      'shop-test-AlarmTopicArn': 'arn:aws:sns:eu-west-1:123456789012:shop-test-alarms',
    });
  });

  it('lets given imports override the derived ones', () => {
    // Act
    const overridden = loadServerlessRules({
      rootDir: root,
      stage: 'test',
      serviceDirs: [service('upload-checks')],
      imports: { 'shop-test-DataBucketName': 'local-data' },
    });

    // Assess
    expect(overridden.rules[0].environment.DATA_BUCKET).toBe('local-data');
    expect(overridden.rules[0].pattern).toMatchObject({ detail: { bucket: { name: ['local-data'] } } });
  });
});
