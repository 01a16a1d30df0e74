import { coverObjects, maxCoveredObjects } from '../../../src/domain/CoveredObject.js';
import { runInput } from '../../../src/domain/runInput.js';

const object = (n: number) => ({ bucket: 'b', key: `k${n}`, etag: `e${n}` });

describe('runInput', () => {
  it('overlays the declared defaults with the parameters sent', () => {
    // Act
    const input = runInput([{ Name: 'A', Value: '1' }], { A: '0', B: '2' });

    // Assess
    expect(input).toEqual({
      parameters: { A: '1' },
      declaredDefaults: { A: '0', B: '2' },
      effectiveParameters: { A: '1', B: '2' },
    });
  });

  it('lists the covered objects as copies and counts the ones left off', () => {
    // Prepare
    const objects = [object(1)];

    // Act
    const input = runInput([], {}, { objects, omitted: 3 });

    // Assess
    expect(input.objects).toEqual([object(1)]);
    expect(input.objects?.[0]).not.toBe(objects[0]);
    expect(input.objectsOmitted).toBe(3);
  });
});

describe('coverObjects', () => {
  it('keeps the newest objects up to the limit and counts the oldest', () => {
    // Prepare
    const window = { objects: Array.from({ length: maxCoveredObjects }, (_, i) => object(i)), omitted: 1 };

    // Act
    const covered = coverObjects(window, [object(maxCoveredObjects)]);

    // Assess
    expect(covered.objects).toHaveLength(maxCoveredObjects);
    expect(covered.objects[0]).toEqual(object(1));
    expect(covered.objects.at(-1)).toEqual(object(maxCoveredObjects));
    expect(covered.omitted).toBe(2);
  });
});
