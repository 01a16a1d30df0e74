import {
  DescribeRuleCommand,
  DisableRuleCommand,
  EnableRuleCommand,
  EventBridgeClient,
  PutEventsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-eventbridge';
import type { BusRule, ScheduledRule } from '../../src/eventbridge/BusRule.js';
import { LocalEventBridge } from '../../src/eventbridge/LocalEventBridge.js';

const ordersRule: BusRule = {
  ruleName: 'shop-orders-placed',
  bus: 'custom',
  pattern: { source: ['shop.orders'], 'detail-type': ['Order Placed'] },
  deployedName: 'shop-test-orderPlaced',
};

const nightly: ScheduledRule = {
  ruleName: 'shop-test-nightly-rule-1',
  deployedName: 'shop-test-nightly',
  schedule: { expressions: ['cron(30 5 * * ? *)'], method: 'eventBus' },
};

describe('EventBridge rule management on the local bus (real EventBridgeClient over HTTP)', () => {
  let bus: LocalEventBridge;
  let client: EventBridgeClient;
  const invoked: string[] = [];

  beforeAll(async () => {
    bus = await LocalEventBridge.start({
      busName: 'shop-test',
      rules: [ordersRule],
      schedules: [nightly],
      now: () => new Date('2024-05-01T10:00:00Z'),
      invoke: (target) => invoked.push(target),
    });
    client = new EventBridgeClient({
      endpoint: bus.endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });

  beforeEach(() => {
    invoked.length = 0;
  });

  afterAll(async () => {
    client.destroy();
    await bus.stop();
  });

  const placeOrder = () =>
    client.send(
      new PutEventsCommand({
        Entries: [{ EventBusName: 'shop-test', Source: 'shop.orders', DetailType: 'Order Placed', Detail: '{}' }],
      }),
    );

  it('describes a schedule rule and a pattern rule, enabled until told otherwise', async () => {
    // Act
    const schedule = await client.send(new DescribeRuleCommand({ Name: nightly.ruleName }));
    const pattern = await client.send(
      new DescribeRuleCommand({ Name: ordersRule.ruleName, EventBusName: 'shop-test' }),
    );

    // Assess
    expect(schedule).toMatchObject({
      Name: nightly.ruleName,
      Arn: `arn:aws:events:eu-west-1:123456789012:rule/${nightly.ruleName}`,
      EventBusName: 'default',
      State: 'ENABLED',
      ScheduleExpression: 'cron(30 5 * * ? *)',
    });
    expect(pattern).toMatchObject({
      Arn: `arn:aws:events:eu-west-1:123456789012:rule/shop-test/${ordersRule.ruleName}`,
      State: 'ENABLED',
      EventPattern: JSON.stringify(ordersRule.pattern),
    });
  });

  it('keeps a disabled schedule rule from firing, and fires it again once enabled', async () => {
    // Act
    await client.send(new DisableRuleCommand({ Name: nightly.ruleName }));
    const whileDisabled = bus.fireScheduleIfEnabled(nightly, new Date('2024-05-02T05:30:00Z'));
    const described = await client.send(new DescribeRuleCommand({ Name: nightly.ruleName }));
    await client.send(new EnableRuleCommand({ Name: nightly.ruleName }));
    const onceEnabled = bus.fireScheduleIfEnabled(nightly, new Date('2024-05-03T05:30:00Z'));

    // Assess
    expect(whileDisabled).toBeUndefined();
    expect(described.State).toBe('DISABLED');
    expect(onceEnabled?.time).toBe('2024-05-03T05:30:00Z');
    expect(invoked).toEqual([nightly.deployedName]);
  });

  it('routes no event to a disabled pattern rule, the event still logged', async () => {
    // Act
    await client.send(new DisableRuleCommand({ Name: ordersRule.ruleName, EventBusName: 'shop-test' }));
    const logged = bus.events.length;
    await placeOrder();
    await client.send(new EnableRuleCommand({ Name: ordersRule.ruleName, EventBusName: 'shop-test' }));
    await placeOrder();

    // Assess
    expect(bus.events.slice(logged).map((entry) => entry.matchedRules)).toEqual([[], [ordersRule.ruleName]]);
    expect(invoked).toEqual([ordersRule.deployedName]);
  });

  it('answers ResourceNotFoundException for a rule the bus does not have, or an unknown bus', async () => {
    // Act
    const onDefault = client.send(new DisableRuleCommand({ Name: ordersRule.ruleName }));
    const unknownBus = client.send(new EnableRuleCommand({ Name: nightly.ruleName, EventBusName: 'nope' }));

    // Assess
    await expect(onDefault).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(onDefault).rejects.toMatchObject({
      message: `Rule ${ordersRule.ruleName} does not exist on EventBus default.`,
      $metadata: expect.objectContaining({ httpStatusCode: 400 }),
    });
    await expect(unknownBus).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Event bus nope does not exist.',
    });
  });

  it('answers ValidationException for a missing or malformed rule name', async () => {
    // Act
    const missing = client.send(new DescribeRuleCommand({} as never));
    const malformed = client.send(new DisableRuleCommand({ Name: 'nightly rule' }));

    // Assess
    await expect(missing).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    });
    await expect(malformed).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('Member must satisfy regular expression pattern'),
    });
  });
});
