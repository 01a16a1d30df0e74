import { MemoryRecordsRepository, partitionKey, RecordKind, sortKey } from '../../src/index.js';
import { describeRecordsRepository } from '../recordsRepositoryContract.js';

describeRecordsRepository('MemoryRecordsRepository', async () => ({ repository: new MemoryRecordsRepository() }));

describe('MemoryRecordsRepository copies', () => {
  it('keeps stored records safe from changes to the objects a test holds', async () => {
    // Prepare
    const repository = new MemoryRecordsRepository();
    const at = '2024-05-01T10:00:00.000Z';
    const record = {
      pk: partitionKey('MODEL', 'churn'),
      sk: sortKey(at, RecordKind.drift, 'd1'),
      kind: RecordKind.drift,
      id: 'd1',
      at,
      correlationId: 'c',
      features: ['a'],
    };
    await repository.put(record);

    // Act
    record.features.push('b');
    const read = await repository.get(record.pk, record.sk);
    (read!.features as string[]).push('c');

    // Assess
    expect((await repository.get(record.pk, record.sk))?.features).toEqual(['a']);
    expect(repository.records).toHaveLength(1);
  });
});
