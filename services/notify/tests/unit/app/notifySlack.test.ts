import { fireDigest } from '../../../src/app/fireDigest.js';
import { notifyPagerDuty } from '../../../src/app/notifyPagerDuty.js';
import { isDigested, notifySlack } from '../../../src/app/notifySlack.js';
import { PermanentDeliveryError, TransientDeliveryError } from '../../../src/domain/errors.js';
import { invocation, MemoryPagerDuty, memorySlackPorts } from '../../support/memoryPorts.js';
import { sampleDetail } from '../../support/sampleEvents.js';

const at = '2026-03-02T12:00:00Z';

describe('notifySlack', () => {
  it('remembers where an approval request was posted, per channel, for the decision', async () => {
    // Prepare
    const ports = memorySlackPorts();

    // Act
    await notifySlack(
      { detailType: 'Approval Requested', detail: sampleDetail('Approval Requested'), time: at },
      ports,
      invocation(),
    );

    // Assess
    expect(await ports.store.approvalMessage('appr-1', 'C0CHURN')).toEqual({ channel: 'C0CHURN', ts: '101.000000' });
    expect(await ports.store.approvalMessage('appr-1', 'C0OTHER')).toBeUndefined();
  });

  it('gathers a rejected dataset into the digest and arms the window once', async () => {
    // Prepare
    const ports = memorySlackPorts();
    const events = [1, 2].map((n) => sampleDetail('Dataset Rejected', {}, `part-${n}`));

    // Act
    for (const detail of events)
      await notifySlack({ detailType: 'Dataset Rejected', detail, time: at }, ports, invocation());

    // Assess
    expect(ports.slack.posts).toEqual([]);
    expect(ports.scheduler.armings).toBe(1);
    expect([...ports.scheduler.armed.values()][0]).toMatchObject({
      at: new Date('2026-03-02T12:00:30.000Z'),
      payload: { kind: 'digest', channel: 'C0CHURN', windowId: events[0].eventKey },
    });
  });

  it('arms the window again on the retry of an event whose first attempt failed to arm it, and lists the event once', async () => {
    // Prepare
    const ports = memorySlackPorts();
    const event = { detailType: 'Dataset Rejected' as const, detail: sampleDetail('Dataset Rejected'), time: at };
    const arm = ports.scheduler.arm.bind(ports.scheduler);
    let calls = 0;
    ports.scheduler.arm = async (input) => {
      if (++calls === 1) throw new Error('Scheduler throttled');
      await arm(input);
    };

    // Act
    await expect(notifySlack(event, ports, invocation())).rejects.toThrow('Scheduler throttled');
    await notifySlack(event, ports, invocation());
    const [armed] = [...ports.scheduler.armed.values()];
    await fireDigest(armed.payload, ports, invocation('fire'));

    // Assess
    expect(armed.at).toEqual(new Date('2026-03-02T12:00:30.000Z'));
    expect(ports.slack.posts.map((post) => post.message.text)).toEqual([
      expect.stringMatching(/^1 notification: 1 × Dataset Rejected/),
    ]);
  });

  it('posts the digest a failed fire took from its window on the retry, from the delivery record', async () => {
    // Prepare
    const ports = memorySlackPorts();
    const event = { detailType: 'Dataset Rejected' as const, detail: sampleDetail('Dataset Rejected'), time: at };
    await notifySlack(event, ports, invocation());
    const [armed] = [...ports.scheduler.armed.values()];
    for (const _ of [1, 2, 3, 4])
      ports.slack.failWith = new TransientDeliveryError('slack chat.postMessage: HTTP 503', 'http_503');

    // Act
    await expect(fireDigest(armed.payload, ports, invocation('fire'))).rejects.toThrow('HTTP 503');
    await fireDigest(armed.payload, ports, invocation('fire-retry'));

    // Assess
    expect(ports.slack.posts.map((post) => post.message.text)).toEqual([expect.stringMatching(/^1 notification:/)]);
  });

  it('does not post a second approval request when the first was posted but not remembered', async () => {
    // Prepare
    const ports = memorySlackPorts();
    const event = { detailType: 'Approval Requested' as const, detail: sampleDetail('Approval Requested'), time: at };
    const put = ports.store.putApprovalMessage.bind(ports.store);
    let calls = 0;
    ports.store.putApprovalMessage = async (input) => {
      if (++calls === 1) throw new Error('ProvisionedThroughputExceededException');
      await put(input);
    };

    // Act
    await expect(notifySlack(event, ports, invocation())).rejects.toThrow('ProvisionedThroughputExceededException');
    await notifySlack(event, ports, invocation('retry'));

    // Assess
    expect(ports.slack.posts).toHaveLength(1);
    expect(await ports.store.approvalMessage('appr-1', 'C0CHURN')).toEqual({ channel: 'C0CHURN', ts: '101.000000' });
  });

  it('does not post again when the Lambda retry of the same request finds its own post unrecorded', async () => {
    // Prepare
    const ports = memorySlackPorts();
    const event = { detailType: 'Retraining Failed' as const, detail: sampleDetail('Retraining Failed'), time: at };
    const complete = ports.store.complete.bind(ports.store);
    let calls = 0;
    ports.store.complete = async (...args) => {
      if (++calls === 1) throw new Error('InternalServerError');
      return complete(...args);
    };

    // Act
    await expect(notifySlack(event, ports, invocation('req-1'))).rejects.toThrow('InternalServerError');
    // Within the lease: the same request id re-enters its own live lease.
    ports.clock.advance(10_000);
    const retried = await notifySlack(event, ports, invocation('req-1'));

    // Assess
    expect(ports.slack.posts).toHaveLength(1);
    expect(retried).toEqual([
      { destination: 'slack:C0CHURN', status: 'delivered', result: { channel: 'C0CHURN', ts: '101.000000' } },
    ]);
  });

  it.each([
    ['Dataset Rejected', 'warning', true],
    ['Retraining Skipped', 'info', true],
    ['Drift Detected', 'warning', false],
    ['Approval Requested', 'info', false],
    ['Deployment Failed', 'info', false],
    ['Dataset Rejected', 'error', false],
  ] as const)('digests %s at %s: %s', (detailType, severity, digested) => {
    expect(isDigested(detailType, severity)).toBe(digested);
  });

  it('fails a permanently refused post and does not call Slack again on the retry', async () => {
    // Prepare
    const ports = memorySlackPorts();
    const event = { detailType: 'Retraining Failed' as const, detail: sampleDetail('Retraining Failed'), time: at };
    ports.slack.failWith = new PermanentDeliveryError('slack chat.postMessage: not_in_channel', 'not_in_channel');

    // Act
    const first = notifySlack(event, ports, invocation());
    await expect(first).rejects.toMatchObject({ name: 'PermanentDeliveryError' });
    const retry = notifySlack(event, ports, invocation());

    // Assess
    await expect(retry).rejects.toMatchObject({
      name: 'PermanentDeliveryError',
      message: expect.stringContaining('not_in_channel'),
    });
    expect(ports.slack.posts).toEqual([]);
  });
});

describe('notifyPagerDuty', () => {
  it('resolves nothing when no incident of the scope is open', async () => {
    // Prepare
    const ports = { ...memorySlackPorts(), pagerduty: new MemoryPagerDuty() };

    // Act
    const outcomes = await notifyPagerDuty(
      { detailType: 'Drift Cleared', detail: sampleDetail('Drift Cleared'), time: at },
      ports,
      invocation(),
    );

    // Assess
    expect(ports.pagerduty.events).toEqual([]);
    expect(outcomes).toEqual([
      { destination: 'pagerduty:resolve', status: 'delivered', result: { action: 'resolve', resolved: [] } },
    ]);
  });
});
