import { AuditInputError } from '../../src/audit/AuditInputError.js';
import { historyPartitions } from '../../src/audit/historyPartitions.js';
import { parseSince } from '../../src/audit/parseSince.js';

const NOW = new Date('2025-06-02T10:00:00.000Z');

describe('parseSince', () => {
  it.each([
    ['30m', '2025-06-02T09:30:00.000Z'],
    ['24h', '2025-06-01T10:00:00.000Z'],
    ['7d', '2025-05-26T10:00:00.000Z'],
    ['2w', '2025-05-19T10:00:00.000Z'],
    ['2025-06-01', '2025-06-01T00:00:00.000Z'],
    ['2025-06-01T12:00:00Z', '2025-06-01T12:00:00.000Z'],
    ['2025-06-01T12:00:00+02:00', '2025-06-01T10:00:00.000Z'],
    [' 2025-06-01T12:00Z ', '2025-06-01T12:00:00.000Z'],
  ])('reads %s as %s', (value, expected) => {
    // Act
    const since = parseSince(value, NOW);

    // Assess
    expect(since).toBe(expected);
  });

  it.each(['yesterday', '24', '2025-06-01T12:00:00', '2025-13-01', '-1h', ''])(
    'throws naming the value and the accepted forms for %j',
    (value) => {
      // Act
      const parsing = () => parseSince(value, NOW);

      // Assess
      expect(parsing).toThrow(AuditInputError);
      expect(parsing).toThrow(`--since "${value}" is not a time: give an ISO 8601 time with a zone`);
    },
  );
});

describe('historyPartitions', () => {
  const config = {
    models: {
      churn: { pipeline: 'churn-retrain', datasets: ['churn', 'churn-extra'] },
      fraud: { pipeline: 'fraud-retrain', datasets: [] },
    },
    pipelines: { 'churn-retrain': {}, 'fraud-retrain': {} },
    datasets: { churn: {}, 'churn-extra': {} },
  } as never;

  it("merges a model's own partition with its pipeline's and its datasets'", () => {
    // Act
    const partitions = historyPartitions(config, { model: 'churn' });

    // Assess
    expect(partitions).toEqual(['MODEL#churn', 'PIPELINE#churn-retrain', 'DATASET#churn', 'DATASET#churn-extra']);
  });

  it("reads a pipeline's or a dataset's own partition", () => {
    // Act
    const pipeline = historyPartitions(config, { pipeline: 'fraud-retrain' });
    const dataset = historyPartitions(config, { dataset: 'churn-extra' });

    // Assess
    expect(pipeline).toEqual(['PIPELINE#fraud-retrain']);
    expect(dataset).toEqual(['DATASET#churn-extra']);
  });

  it.each([
    [{ model: 'churm' }, 'unknown model "churm": the configuration names churn, fraud'],
    [{ pipeline: 'x' }, 'unknown pipeline "x": the configuration names churn-retrain, fraud-retrain'],
    [{ dataset: 'y' }, 'unknown dataset "y": the configuration names churn, churn-extra'],
  ])('throws naming the configured ones for %j', (subject, message) => {
    // Act
    const reading = () => historyPartitions(config, subject);

    // Assess
    expect(reading).toThrow(AuditInputError);
    expect(reading).toThrow(message);
  });
});
