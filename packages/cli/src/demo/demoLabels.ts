import { randomUUID } from 'node:crypto';

/**
 * The S3 key of a ground-truth file collected at `collectedAt`, as Model Monitor's merge reads
 * them: `<prefix>/yyyy/mm/dd/hh/<name>.jsonl`, the hour of the collection in UTC.
 *
 * @example groundTruthKey('ground-truth/churn', new Date('2025-06-04T21:01:00Z'), 'a') // 'ground-truth/churn/2025/06/04/21/a.jsonl'
 */
export const groundTruthKey = (prefix: string, collectedAt: Date, name: string = randomUUID()): string => {
  const iso = collectedAt.toISOString();
  const [yyyy, mm, dd, hh] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10), iso.slice(11, 13)];
  return `${prefix.replace(/\/+$/, '')}/${yyyy}/${mm}/${dd}/${hh}/${name}.jsonl`;
};

/**
 * Ground truth in Model Monitor's merge format, one JSON line per labelled prediction:
 * `{"groundTruthData": {"data": "1", "encoding": "CSV"}, "eventMetadata": {"eventId": "<inferenceId>"}, "eventVersion": "0"}`.
 *
 * @throws Error when the ids and labels differ in number
 */
export const groundTruthLines = (inferenceIds: readonly string[], labels: readonly string[]): string => {
  if (inferenceIds.length !== labels.length) {
    throw new Error(`${inferenceIds.length} inference ids but ${labels.length} labels`);
  }
  return inferenceIds
    .map((eventId, index) =>
      JSON.stringify({
        groundTruthData: { data: labels[index], encoding: 'CSV' },
        eventMetadata: { eventId },
        eventVersion: '0',
      }),
    )
    .join('\n')
    .concat('\n');
};
