import { readFileSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

/** The header and rows of an example dataset (`examples/datasets/<name>.csv`). */
export const exampleRows = (name: string): { header: string[]; rows: string[][] } => {
  const [head, ...lines] = readFileSync(path.join(repoRoot, 'examples', 'datasets', `${name}.csv`), 'utf8')
    .trimEnd()
    .split('\n');
  return { header: head.split(','), rows: lines.map((line) => line.split(',')) };
};

/** A CSV file of an example's rows `from` to `to` (0-based, `to` excluded), header included. */
export const exampleCsv = (name: string, from: number, to: number): string => {
  const { header, rows } = exampleRows(name);
  return `${[header.join(','), ...rows.slice(from, to).map((r) => r.join(','))].join('\n')}\n`;
};

/** The churn inputs the endpoint receives: every contract column but the target, in order. */
export const churnInputColumns = [
  'customer_id',
  'tenure_months',
  'monthly_charges',
  'total_charges',
  'contract',
  'payment_method',
  'internet_service',
  'senior_citizen',
];

/** One Data Capture line in the documented format (SageMaker's `captureData` / `eventMetadata`). */
export const captureLine = (options: {
  input: string;
  output: string;
  inferenceTime: string;
  eventId: string;
  inferenceId?: string;
  encoding?: 'CSV' | 'JSON' | 'BASE64';
  contentType?: string;
}): string => {
  const encoding = options.encoding ?? 'CSV';
  const contentType = options.contentType ?? (encoding === 'JSON' ? 'application/json' : 'text/csv');
  const encode = (text: string) => (encoding === 'BASE64' ? Buffer.from(text).toString('base64') : text);
  return JSON.stringify({
    captureData: {
      endpointInput: { observedContentType: contentType, mode: 'INPUT', data: encode(options.input), encoding },
      endpointOutput: {
        observedContentType: encoding === 'JSON' ? 'application/json' : 'text/csv; charset=utf-8',
        mode: 'OUTPUT',
        data: encode(options.output),
        encoding,
      },
    },
    eventMetadata: {
      eventId: options.eventId,
      ...(options.inferenceId === undefined ? {} : { inferenceId: options.inferenceId }),
      inferenceTime: options.inferenceTime,
    },
    eventVersion: '0',
  });
};

/** One ground-truth line in Model Monitor's merge format. */
export const groundTruthLine = (eventId: string, label: string): string =>
  JSON.stringify({ groundTruthData: { data: label, encoding: 'CSV' }, eventMetadata: { eventId }, eventVersion: '0' });

/** The key Data Capture gives a file written at `at`: `<prefix>/<endpoint>/<variant>/yyyy/mm/dd/hh/<name>.jsonl`. */
export const captureKey = (base: string, at: Date, name: string): string => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${base}/${at.getUTCFullYear()}/${p(at.getUTCMonth() + 1)}/${p(at.getUTCDate())}/${p(at.getUTCHours())}/${name}.jsonl`;
};

/**
 * Capture files for churn rows spread evenly over `[start, start + hours)`, one file per hour;
 * each row's output is a score that agrees with its label (0.8 for churners, 0.2 otherwise).
 */
export const churnCaptureFiles = (
  rows: string[][],
  options: { base: string; start: Date; hours: number; idPrefix: string },
): Map<string, string> => {
  const files = new Map<string, string[]>();
  const stepMs = (options.hours * 3_600_000) / rows.length;
  rows.forEach((row, i) => {
    const at = new Date(options.start.getTime() + Math.floor(i * stepMs));
    const key = captureKey(options.base, new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000), 'capture');
    const line = captureLine({
      input: row.slice(0, 8).join(','),
      output: row[8] === '1' ? '0.8' : '0.2',
      inferenceTime: at.toISOString(),
      eventId: `${options.idPrefix}-${i}`,
    });
    files.set(key, [...(files.get(key) ?? []), line]);
  });
  return new Map([...files].map(([key, lines]) => [key, `${lines.join('\n')}\n`]));
};
