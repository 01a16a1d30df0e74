import { applyPauseChange, MemoryRecordsRepository } from '../../src/index.js';
import { describePauseSwitch } from '../pause/pauseSwitchContract.js';

const T0 = new Date('2024-05-01T10:00:00.000Z');

describePauseSwitch('pause switch over MemoryRecordsRepository', async () => ({
  repository: new MemoryRecordsRepository(),
}));

describe('applyPauseChange', () => {
  it('resumes only the named lever of an unknown switch as not paused', () => {
    // Act
    const next = applyPauseChange(undefined, {
      model: 'churn',
      action: 'resume',
      retraining: true,
      by: 'alice',
      now: T0,
      changeId: 'c',
    });

    // Assess
    expect(next).toEqual({
      model: 'churn',
      retraining: false,
      deployment: false,
      by: 'alice',
      at: T0.toISOString(),
      changeId: 'c',
      version: 1,
    });
  });
});
