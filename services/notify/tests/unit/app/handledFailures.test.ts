import { FleetMetric } from '@fleet/shared';
import { deliverOnce } from '../../../src/app/deliverOnce.js';
import { fireDigest } from '../../../src/app/fireDigest.js';
import { notifySlack } from '../../../src/app/notifySlack.js';
import type { DeliveryStore } from '../../../src/app/ports.js';
import { invocation, memorySlackPorts } from '../../support/memoryPorts.js';
import { sampleDetail } from '../../support/sampleEvents.js';

const key = { eventKey: 'k1', destination: 'slack:C0CHURN' };
const fields = { correlationId: 'corr-1', detailType: 'Retraining Failed' };

describe('failures notify handles without rethrowing leave a trace', () => {
  it('sends a drift message without its link when links cannot be made, and says why', async () => {
    // Prepare
    const ports = { ...memorySlackPorts(), reportsBaseUrl: undefined };
    const detail = sampleDetail('Drift Detected');

    // Act
    await notifySlack({ detailType: 'Drift Detected', detail, time: '2026-03-02T12:00:00Z' }, ports, invocation());

    // Assess
    expect(ports.slack.posts).toHaveLength(1);
    expect(JSON.stringify(ports.slack.posts[0].message.blocks)).not.toContain('open_report');
    expect(ports.logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        attributes: expect.objectContaining({ step: 'ReportLinkUnavailable', correlationId: detail.correlationId }),
      }),
    );
    expect(ports.metrics.count(FleetMetric.BestEffortFailures)).toBe(1);
  });

  it('completes a digest fire with nothing to post when its window is gone, and says so', async () => {
    // Prepare
    const ports = memorySlackPorts();

    // Act
    const outcome = await fireDigest({ kind: 'digest', channel: 'C0CHURN', windowId: 'w-gone' }, ports, invocation());

    // Assess
    expect(outcome).toMatchObject({ status: 'delivered', result: { posted: false } });
    expect(ports.slack.posts).toEqual([]);
    expect(ports.logger.lines).toContainEqual(
      expect.objectContaining({ attributes: expect.objectContaining({ step: 'DigestWindowMissing' }) }),
    );
  });

  it('rethrows the delivery error when the failure cannot be recorded, and reports the recording failure', async () => {
    // Prepare
    const ports = memorySlackPorts();
    const store: DeliveryStore = Object.assign(Object.create(ports.store), {
      claim: ports.store.claim.bind(ports.store),
      fail: async () => {
        throw new Error('table unavailable');
      },
    });

    // Act
    const delivering = deliverOnce(
      { key, fields },
      async () => {
        throw new Error('slack down');
      },
      { ...ports, store },
      invocation(),
    );

    // Assess
    await expect(delivering).rejects.toThrow('slack down');
    expect(ports.logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        attributes: expect.objectContaining({ step: 'DeliveryFailureNotRecorded', correlationId: 'corr-1' }),
      }),
    );
    expect(ports.metrics.count(FleetMetric.NotificationsFailed)).toBe(1);
  });

  it('warns when the delivery record was taken over while sending', async () => {
    // Prepare
    const ports = memorySlackPorts();
    const store: DeliveryStore = Object.assign(Object.create(ports.store), {
      claim: ports.store.claim.bind(ports.store),
      complete: async () => false,
    });

    // Act
    const outcome = await deliverOnce({ key, fields }, async () => ({ ts: '1.0' }), { ...ports, store }, invocation());

    // Assess
    expect(outcome.status).toBe('delivered');
    expect(ports.logger.lines).toContainEqual(
      expect.objectContaining({ level: 'warn', attributes: expect.objectContaining({ step: 'DeliveryLeaseLost' }) }),
    );
  });
});
