import path from 'node:path';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { LocalCloud } from '../../src/LocalCloud.js';
import type { LocalStandIn, StandInContext } from '../../src/standIn/LocalStandIn.js';
import { recordedCalls } from '../fixtures/stacks/services/orders/src/handlers/recordCall.js';

const rootDir = path.join(__dirname, '..', 'fixtures', 'stacks');

/** A stand-in that keeps its context, as a Step Functions or SNS stand-in would, to call into the cloud later. */
const capturing = (): LocalStandIn & { context?: StandInContext } => {
  const standIn: LocalStandIn & { context?: StandInContext } = {
    name: 'capture',
    start: async (context) => {
      standIn.context = context;
      return { endpoints: { sfn: 'http://127.0.0.1:9/sfn' }, stop: () => undefined };
    },
  };
  return standIn;
};

describe('the stand-ins of the local cloud', () => {
  let cloud: LocalCloud | undefined;

  beforeEach(() => {
    recordedCalls.length = 0;
  });

  afterEach(async () => {
    await cloud?.stop();
    cloud = undefined;
  });

  it('creates the tables, buckets and schedule groups the stacks declare', async () => {
    // Act
    cloud = await LocalCloud.start({ rootDir });

    // Assess
    expect(cloud.resources.tables.map((table) => table.TableName)).toEqual(['shop-local-orders']);
    expect(cloud.resources.buckets).toEqual([
      { name: 'shop-local-uploads-123456789012', eventBridge: true },
      { name: 'shop-local-archive', eventBridge: false },
    ]);
    expect(await cloud.scanTable('shop-local-orders')).toEqual([]);
    expect(cloud.scheduler.schedules()).toEqual([]);
    expect((await cloud.scheduler.handle('GetScheduleGroup', { Name: 'shop-orders-local' })).Name).toBe(
      'shop-orders-local',
    );
    expect(cloud.exports['shop-local-OrdersTableName']).toBe('shop-local-orders');
  });

  it('lets a further stand-in invoke a function through the Lambda stand-in and put events on the buses', async () => {
    // Prepare
    const standIn = capturing();
    cloud = await LocalCloud.start({ rootDir, standIns: [standIn] });
    const context = standIn.context as StandInContext;

    // Act
    context.invoke('shop-orders-local-restock', { sku: 'A-1' }, { kind: 'direct' });
    const sync = await context.invokeSync(
      'arn:aws:lambda:eu-west-1:123456789012:function:shop-orders-local-restock',
      {
        sku: 'B-2',
      },
      { kind: 'direct' },
    );
    context.putEvent({ source: 'shop.orders', 'detail-type': 'Order Placed', detail: { id: 'o-1' } }, 'custom');
    await cloud.settle();

    // Assess
    expect(sync.result).toEqual({ ranAs: 'shop-orders-local-restock' });
    expect(recordedCalls.map((call) => call.functionName)).toEqual([
      'shop-orders-local-restock',
      'shop-orders-local-restock',
      'shop-orders-local-onOrderPlaced',
    ]);
    expect(context.names).toMatchObject({ stage: 'local', exports: { 'shop-local-EventBusName': 'shop-local' } });
    expect(cloud.endpoints.sfn).toBe('http://127.0.0.1:9/sfn');
    expect(process.env.AWS_ENDPOINT_URL_SFN).toBe('http://127.0.0.1:9/sfn');
  });

  it('routes an event a client puts on the custom bus to the rule on that bus, with the stack environment', async () => {
    // Prepare
    cloud = await LocalCloud.start({ rootDir });
    const client = new EventBridgeClient({});

    // Act
    await client.send(
      new PutEventsCommand({
        Entries: [{ EventBusName: 'shop-local', Source: 'shop.orders', DetailType: 'Order Placed', Detail: '{}' }],
      }),
    );
    await cloud.settle();
    client.destroy();

    // Assess
    expect(cloud.invocations().map((record) => [record.functionName, record.trigger.kind, record.outcome])).toEqual([
      ['onOrderPlaced', 'eventBridge', 'success'],
    ]);
    expect(cloud.functions.find((fn) => fn.functionName === 'onOrderPlaced')?.environment.ORDERS_TABLE).toBe(
      'shop-local-orders',
    );
  });

  it('gives a client outside the process the endpoints, credentials and region', async () => {
    // Act
    cloud = await LocalCloud.start({ rootDir, serviceDirs: [] });
    const env = cloud.clientEnvironment();

    // Assess
    expect(Object.keys(cloud.endpoints)).toEqual(
      expect.arrayContaining(['dynamodb', 's3', 'eventbridge', 'scheduler', 'sagemaker', 'sns', 'ssm']),
    );
    expect(env).toEqual({
      ...Object.fromEntries(
        Object.entries(cloud.endpoints).map(([service, endpoint]) => [
          `AWS_ENDPOINT_URL_${service.toUpperCase()}`,
          endpoint,
        ]),
      ),
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
    });
  });

  it('runs the clock in real time when asked, so its timers fire by themselves', async () => {
    // Prepare
    const startedAt = Date.now();
    cloud = await LocalCloud.start({ rootDir, serviceDirs: [], start: startedAt, realTimeClock: true });
    const fired: number[] = [];
    cloud.clock.after(300, () => {
      fired.push(cloud?.clock.nowMs() ?? 0);
    });

    // Act
    await new Promise((resolve) => setTimeout(resolve, 900));

    // Assess
    expect(fired).toEqual([startedAt + 300]);
    expect(cloud.clock.nowMs()).toBeGreaterThanOrEqual(startedAt + 600);
    expect(cloud.clockErrors()).toEqual([]);
  });
});
