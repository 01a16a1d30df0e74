import { deliverToEach } from '../../../src/app/deliverToEach.js';
import { DeliveriesFailedError, TransientDeliveryError } from '../../../src/domain/errors.js';
import { invocation, memorySlackPorts } from '../../support/memoryPorts.js';
import { sampleDetail } from '../../support/sampleEvents.js';

const event = { detailType: 'Drift Detected', detail: sampleDetail('Drift Detected') };

describe('deliverToEach', () => {
  it('serves every destination past one that fails, then names the failed one', async () => {
    // Prepare
    const ports = memorySlackPorts();
    const sent: string[] = [];
    const destination = (name: string, fails = false) => ({
      destination: name,
      model: 'churn',
      send: async () => {
        sent.push(name);
        if (fails) throw new TransientDeliveryError(`${name} answered 503`, 'http_503');
        return { to: name };
      },
    });

    // Act
    const delivering = deliverToEach(
      event,
      [destination('slack:A'), destination('slack:B', true), destination('slack:C')],
      ports,
      invocation(),
    );

    // Assess
    await expect(delivering).rejects.toThrow(DeliveriesFailedError);
    await expect(delivering).rejects.toThrow('1 delivery failed: slack:B (slack:B answered 503)');
    expect(sent).toEqual(['slack:A', 'slack:B', 'slack:C']);
  });

  it('does not send again to a destination already delivered on a retry of the event', async () => {
    // Prepare
    const ports = memorySlackPorts();
    let sends = 0;
    const destinations = [{ destination: 'slack:A', send: async () => ({ sends: ++sends }) }];

    // Act
    await deliverToEach(event, destinations, ports, invocation('req-1'));
    const again = await deliverToEach(event, destinations, ports, invocation('req-2'));

    // Assess
    expect(sends).toBe(1);
    expect(again).toEqual([{ destination: 'slack:A', status: 'duplicate', result: { sends: 1 } }]);
  });
});
