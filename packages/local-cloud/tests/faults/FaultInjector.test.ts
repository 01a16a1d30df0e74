import { FaultInjector } from '../../src/faults/FaultInjector.js';
import type { FaultRequest } from '../../src/faults/FaultRequest.js';
import { seededChance } from '../../src/faults/seededChance.js';

const call = (operation: string, body: string): FaultRequest => ({
  method: 'POST',
  url: '/',
  headers: { 'x-amz-target': `DynamoDB_20120810.${operation}`, 'content-type': 'application/x-amz-json-1.0' },
  body: Buffer.from(body),
});

/** Whether each of `count` distinct calls failed, in order. */
const outcomes = (injector: FaultInjector, count: number, prefix = 'item') =>
  Array.from(
    { length: count },
    (_, index) => injector.decide('dynamodb', call('GetItem', `${prefix}-${index}`)) !== undefined,
  );

describe('seededChance', () => {
  it('gives the same number for the same seed and text, and others for another seed or text', () => {
    // Act
    const first = seededChance(7, 'dynamodb GetItem abc#1');

    // Assess
    expect(seededChance(7, 'dynamodb GetItem abc#1')).toBe(first);
    expect(seededChance(8, 'dynamodb GetItem abc#1')).not.toBe(first);
    expect(seededChance(7, 'dynamodb GetItem abc#2')).not.toBe(first);
  });

  it('spreads evenly over [0, 1)', () => {
    // Act
    const values = Array.from({ length: 10_000 }, (_, index) => seededChance(3, `call ${index}`));

    // Assess
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    const belowTenth = values.filter((value) => value < 0.1).length;
    expect(belowTenth).toBeGreaterThan(900);
    expect(belowTenth).toBeLessThan(1100);
  });
});

describe('FaultInjector', () => {
  it('fails about the share of calls the rate says, the same calls for the same seed', () => {
    // Act
    const first = outcomes(new FaultInjector({ seed: 11, rate: 0.1 }), 2000);
    const again = outcomes(new FaultInjector({ seed: 11, rate: 0.1 }), 2000);
    const other = outcomes(new FaultInjector({ seed: 12, rate: 0.1 }), 2000);

    // Assess
    const failed = first.filter(Boolean).length;
    expect(failed).toBeGreaterThan(150);
    expect(failed).toBeLessThan(250);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('takes the same decisions whatever order the calls arrive in', () => {
    // Prepare
    const forward = new FaultInjector({ seed: 5, rate: 0.3 });
    const backward = new FaultInjector({ seed: 5, rate: 0.3 });
    const bodies = Array.from({ length: 200 }, (_, index) => `body-${index}`);

    // Act
    const inOrder = bodies.map((body) => forward.decide('dynamodb', call('PutItem', body)) !== undefined);
    const reversed = [...bodies]
      .reverse()
      .map((body) => backward.decide('dynamodb', call('PutItem', body)) !== undefined)
      .reverse();

    // Assess
    expect(reversed).toEqual(inOrder);
  });

  it('never fails one request more than maxConsecutive times in a row', () => {
    // Prepare
    const injector = new FaultInjector({ seed: 1, rate: 1, maxConsecutive: 3 });
    const request = call('UpdateItem', '{"Key":"same"}');

    // Act
    const attempts = Array.from({ length: 8 }, () => injector.decide('dynamodb', request) !== undefined);

    // Assess
    expect(attempts).toEqual([true, true, true, false, true, true, true, false]);
  });

  it('never fails with rate 0, and counts the calls and faults per service and code', () => {
    // Prepare
    const quiet = new FaultInjector({ seed: 1, rate: 0 });
    const always = new FaultInjector({ seed: 1, rate: 1, maxConsecutive: 1 });

    // Act
    const quietOutcomes = outcomes(quiet, 50);
    for (let index = 0; index < 10; index++) always.decide('dynamodb', call('GetItem', `x${index}`));
    always.decide('sns', { method: 'POST', url: '/', headers: {}, body: Buffer.from('Action=Publish') });

    // Assess
    expect(quietOutcomes.some(Boolean)).toBe(false);
    expect(quiet.summary()).toMatchObject({ calls: 50, faults: 0, services: { dynamodb: { calls: 50, faults: 0 } } });
    const summary = always.summary();
    expect(summary).toMatchObject({ seed: 1, rate: 1, maxConsecutive: 1, calls: 11, faults: 11 });
    const codes = summary.services.dynamodb.byCode;
    expect(
      Object.keys(codes).every((code) =>
        ['ThrottlingException', 'ProvisionedThroughputExceededException', 'InternalServerError'].includes(code),
      ),
    ).toBe(true);
    expect(Object.values(codes).reduce((sum, n) => sum + n, 0)).toBe(10);
    expect(always.injected()[0]).toMatchObject({ service: 'dynamodb', operation: 'GetItem', inARow: 1 });
  });

  it('refuses a rate outside 0 to 1 and a negative maxConsecutive', () => {
    expect(() => new FaultInjector({ seed: 1, rate: 1.5 })).toThrow('faults.rate must be within 0 and 1, not 1.5');
    expect(() => new FaultInjector({ seed: 1, maxConsecutive: -1 })).toThrow(
      'faults.maxConsecutive must be a whole number of at least 0, not -1',
    );
  });
});
