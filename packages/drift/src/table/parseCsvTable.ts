import { parse } from 'csv-parse/sync';
import { DriftInputError } from '../DriftInputError.js';
import type { DataTable } from './DataTable.js';

/** Options of {@link parseCsvTable}. */
export type ParseCsvOptions = {
  /** Named in error messages. */
  source: string;
  /** Field delimiter, one character; a comma by default. */
  delimiter?: string;
};

/**
 * Parses CSV text with a header row into a {@link DataTable}.
 *
 * Every record must have as many fields as the header: a ragged file is an input error
 * naming its line, never a silently shifted column. Empty lines are skipped; a UTF-8 BOM is
 * dropped.
 *
 * @throws DriftInputError when the text is not valid CSV, has no header, repeats a column
 *   name or has a record of the wrong length
 */
export const parseCsvTable = (text: string, options: ParseCsvOptions): DataTable => {
  const { source, delimiter = ',' } = options;
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, bom: true, info: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    const { message, lines } = error as Error & { lines?: number };
    const where = lines === undefined ? source : `${source}:${lines}`;
    throw new DriftInputError(`${where}: not valid CSV: ${message}`, { cause: error });
  }
  const [head, ...body] = records;
  if (head === undefined) throw new DriftInputError(`${source}: empty file, expected a header row`);
  const header = head.record.map((name) => name.trim());
  const seen = new Set<string>();
  for (const name of header) {
    if (name === '') throw new DriftInputError(`${source}:${head.info.lines}: the header has an empty column name`);
    if (seen.has(name)) throw new DriftInputError(`${source}:${head.info.lines}: column "${name}" appears twice`);
    seen.add(name);
  }
  return { source, header, rows: body.map((r) => r.record), lines: body.map((r) => r.info.lines) };
};
