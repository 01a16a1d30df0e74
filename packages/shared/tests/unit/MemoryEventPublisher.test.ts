import { type FleetDetailInput, MemoryEventPublisher, ValidationError } from '../../src/index.js';
import { loadFixture } from '../loadFixture.js';

const skipped = (): FleetDetailInput<'Retraining Skipped'> =>
  loadFixture<{ detail: FleetDetailInput<'Retraining Skipped'> }>('fleet/retraining-skipped.json').detail;

describe('MemoryEventPublisher', () => {
  it('keeps published events with their source and typed details', async () => {
    // Prepare
    const events = new MemoryEventPublisher();

    // Act
    await events.publish('Retraining Skipped', skipped(), { resources: ['arn:x'] });

    // Assess
    expect(events.published).toHaveLength(1);
    expect(events.published[0]).toMatchObject({ source: 'fleet.trigger-retraining', resources: ['arn:x'] });
    expect(events.ofType('Retraining Skipped')[0].detail.skipReason).toBe('cooldown');
    expect(events.ofType('Retraining Started')).toEqual([]);
  });

  it('keeps nothing when one entry is invalid, like the real publisher', async () => {
    // Prepare
    const events = new MemoryEventPublisher();

    // Act
    const publishing = events.publishAll([
      { detailType: 'Retraining Skipped', detail: skipped() },
      { detailType: 'Retraining Skipped', detail: { ...skipped(), pipeline: '' } },
    ]);

    // Assess
    await expect(publishing).rejects.toThrow(ValidationError);
    await expect(publishing).rejects.toThrow('(entry 1) is invalid: pipeline:');
    expect(events.published).toEqual([]);
  });

  it('forgets everything on clear', async () => {
    // Prepare
    const events = new MemoryEventPublisher();
    await events.publish('Retraining Skipped', skipped());

    // Act
    events.clear();

    // Assess
    expect(events.published).toEqual([]);
  });
});
