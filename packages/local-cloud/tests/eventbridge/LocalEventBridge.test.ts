import path from 'node:path';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { LocalEventBridge } from '../../src/eventbridge/LocalEventBridge.js';
import { LambdaRunner } from '../../src/lambda/LambdaRunner.js';
import type { EventRule, ScheduleRule } from '../../src/serverless/LocalRule.js';
import { loadServerlessRules } from '../../src/serverless/loadServerlessRules.js';
import { calls, failuresToGo } from '../serverless/fixtures/recorder.js';
import s3ObjectCreated from './events/s3-object-created-raw.json';
import pipelineStatus from './events/sagemaker-pipeline-status.json';

const rootDir = path.join(__dirname, '..', 'serverless', 'fixtures', 'repo');

const detailOf = (event: {
  source: string;
  'detail-type': string;
  detail: Record<string, unknown>;
  resources?: string[];
}) => ({
  source: event.source,
  'detail-type': event['detail-type'],
  detail: event.detail,
  resources: event.resources,
});

describe('LocalEventBridge', () => {
  let bus: LocalEventBridge<EventRule, ScheduleRule>;
  let runner: LambdaRunner;
  let client: EventBridgeClient;
  let clock = new Date('2024-05-01T09:00:00Z');

  const putOnCustomBus = (detailType: string, detail: Record<string, unknown>, source = 'shop.upload-checks') =>
    client.send(
      new PutEventsCommand({
        Entries: [
          { EventBusName: bus.customBusName, Source: source, DetailType: detailType, Detail: JSON.stringify(detail) },
        ],
      }),
    );

  beforeAll(async () => {
    const loaded = loadServerlessRules({ rootDir, stage: 'test', env: {} });
    const functions = new Map(loaded.functions.map((fn) => [fn.deployedName, fn]));
    // Handlers' SDK clients reach this bus, as the local cloud points them at it.
    runner = new LambdaRunner({ now: () => clock, baseEnvironment: () => bus.environment() });
    bus = await LocalEventBridge.start({
      busName: loaded.customBusName,
      rules: loaded.rules,
      schedules: loaded.schedules,
      now: () => clock,
      invoke: (target, payload, trigger) => {
        const fn = functions.get(target);
        if (fn === undefined) throw new Error(`no function ${target}`);
        runner.invokeAsync(fn, payload, trigger);
      },
    });
    client = new EventBridgeClient({
      endpoint: bus.endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });

  beforeEach(() => {
    calls.length = 0;
    failuresToGo.clear();
  });

  afterAll(async () => {
    client.destroy();
    await bus.stop();
  });

  it('loads the rules of the fixture services', () => {
    // Assess
    expect(bus.rules.map((rule) => [rule.functionName, rule.bus])).toEqual([
      ['onUploadChecked', 'custom'],
      ['onStockLow', 'custom'],
      ['onPipelineStatus', 'default'],
      ['checkUpload', 'default'],
    ]);
    expect(bus.schedules).toHaveLength(3);
    expect(bus.environment()).toEqual({ AWS_ENDPOINT_URL_EVENTBRIDGE: bus.endpoint });
  });

  it('invokes the target of an injected S3 event on the default bus and logs the event', async () => {
    // Prepare
    const before = bus.events.length;

    // Act
    const event = bus.injectEvent(detailOf(s3ObjectCreated));
    bus.injectEvent(
      detailOf({ ...s3ObjectCreated, detail: { ...s3ObjectCreated.detail, object: { key: 'profiles/x.json' } } }),
    );
    await runner.drain();

    // Assess
    expect(calls.map((call) => [call.handler, (call.event as { id: string }).id])).toEqual([['checkUpload', event.id]]);
    expect(calls[0].env).toMatchObject({
      STAGE: 'test',
      TABLE_NAME: 'shop-test-records',
      AWS_LAMBDA_FUNCTION_NAME: 'shop-upload-checks-test-checkUpload',
    });
    expect(calls[0].event).toEqual(event);
    expect(event).toMatchObject({
      version: '0',
      account: '123456789012',
      region: 'eu-west-1',
      time: '2024-05-01T09:00:00Z',
    });
    expect(bus.events.slice(before).map((entry) => [entry.origin, entry.bus, entry.matchedRules])).toEqual([
      ['inject', 'default', ['shop-upload-checks-test-checkUpload-rule-1']],
      ['inject', 'default', []],
    ]);
  });

  it('routes events a handler emits through the SDK, and drain waits for them', async () => {
    // Prepare
    const before = bus.events.length;

    // Act
    const output = await putOnCustomBus('Upload Checked', { dataset: 'orders', chain: true });
    await runner.drain();

    // Assess
    const logged = bus.events.slice(before);
    expect(output.FailedEntryCount).toBe(0);
    expect(logged.map((entry) => [entry.origin, entry.bus, entry.event['detail-type'], entry.event.source])).toEqual([
      ['PutEvents', 'shop-test', 'Upload Checked', 'shop.upload-checks'],
      ['PutEvents', 'shop-test', 'Rollup Started', 'shop.order-rollups'],
    ]);
    expect(logged[1].event.detail).toEqual({ pipeline: 'orders-rollup', correlationId: output.Entries?.[0].EventId });
    expect(calls.map((call) => [call.handler, call.env.EVENT_BUS_NAME])).toEqual([['onUploadChecked', 'shop-test']]);
  });

  it('keeps the buses apart: a shop rule does not see the same event on the default bus', async () => {
    // Act
    await client.send(
      new PutEventsCommand({
        Entries: [{ Source: 'shop.upload-checks', DetailType: 'Upload Checked', Detail: '{"dataset":"orders"}' }],
      }),
    );
    await runner.drain();

    // Assess
    expect(calls).toEqual([]);
    expect(bus.events.at(-1)).toMatchObject({ bus: 'default', matchedRules: [] });
  });

  it('applies the input transformer of a rule', async () => {
    // Act
    await putOnCustomBus('Stock Low', { model: 'orders', driftShare: 0.4, severity: 'critical' }, 'shop.stock-monitor');
    await putOnCustomBus('Stock Low', { model: 'orders', driftShare: 0.1, severity: 'warning' }, 'shop.stock-monitor');
    await runner.drain();

    // Assess
    expect(calls.map((call) => [call.handler, call.event])).toEqual([
      [
        'onStockLow',
        { trigger: 'drift', model: 'orders', share: 0.4, rule: 'shop-order-rollups-test-onStockLow-rule-1' },
      ],
    ]);
  });

  it('applies the inputPath of a rule to a SageMaker status change', async () => {
    // Act
    bus.injectEvent(detailOf(pipelineStatus));
    await runner.drain();

    // Assess
    expect(calls.map((call) => [call.handler, call.event])).toEqual([['onPipelineStatus', pipelineStatus.detail]]);
    expect(runner.invocations.at(-1)).toMatchObject({
      functionName: 'onPipelineStatus',
      outcome: 'success',
      trigger: {
        kind: 'eventBridge',
        detailType: 'SageMaker Model Building Pipeline Execution Status Change',
        source: 'aws.sagemaker',
        bus: 'default',
      },
    });
  });

  it('retries a failing target as its function allows and dead-letters it', async () => {
    // Prepare
    failuresToGo.set('onUploadChecked', 5);
    const before = runner.invocations.length;

    // Act
    const output = await putOnCustomBus('Upload Checked', { dataset: 'broken' });
    await runner.drain();

    // Assess
    expect(
      runner.invocations.slice(before).map((record) => [record.functionName, record.attempt, record.outcome]),
    ).toEqual([
      ['onUploadChecked', 1, 'error'],
      ['onUploadChecked', 2, 'error'],
    ]);
    expect(runner.deadLetters.at(-1)).toMatchObject({
      functionName: 'onUploadChecked',
      attempts: 2,
      destination: 'arn:aws:sqs:eu-west-1:123456789012:shop-test-dlq',
      error: { message: 'failing on purpose (4 to go)' },
      trigger: { eventId: output.Entries?.[0].EventId, detailType: 'Upload Checked' },
    });
  });

  it('fires schedule rules with the Scheduled Event or the rule input', async () => {
    // Prepare
    clock = new Date('2024-05-02T03:00:00Z');
    const [daily, twice] = bus.schedules;

    // Act
    const fired = bus.fireSchedule(daily);
    bus.fireSchedule(twice.ruleName, new Date('2024-05-02T03:00:00Z'));
    await runner.drain();

    // Assess
    expect(calls.map((call) => call.event)).toEqual([
      {
        version: '0',
        id: fired.id,
        'detail-type': 'Scheduled Event',
        source: 'aws.events',
        account: '123456789012',
        time: '2024-05-02T03:00:00Z',
        region: 'eu-west-1',
        resources: ['arn:aws:events:eu-west-1:123456789012:rule/shop-order-rollups-test-scheduledRollup-schedule-1'],
        detail: {},
      },
      { pipeline: 'orders-rollup' },
    ]);
    expect(bus.events.at(-1)).toMatchObject({ origin: 'schedule', matchedRules: [twice.ruleName] });
  });

  it('fills an eventBridge schedule rule input transformer with the rule ARN and the scheduled time', async () => {
    // Prepare
    const tick = bus.schedules[2];

    // Act
    bus.fireSchedule(tick, new Date('2024-05-03T03:00:00Z'));
    await runner.drain();

    // Assess
    expect(calls.map((call) => call.event)).toEqual([
      {
        kind: 'schedule',
        rule: 'arn:aws:events:eu-west-1:123456789012:rule/shop-order-rollups-test-scheduleTick-rule-1',
        scheduledTime: '2024-05-03T03:00:00Z',
      },
    ]);
  });

  it('throws for an injected event on an unknown bus', () => {
    // Act
    const act = () => bus.injectEvent(detailOf(s3ObjectCreated), 'nowhere');

    // Assess
    expect(act).toThrow('Event bus nowhere does not exist (known: default, shop-test)');
  });
});
