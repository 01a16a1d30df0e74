import { type DataTable, parseCsvTable } from '@fleet/drift';
import type { DriftPorts } from './ports.js';
import type { Baseline } from './resolveBaseline.js';

/** A baseline object whose header differs from the first one's. */
export class BaselineHeaderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BaselineHeaderError';
  }
}

/**
 * Reads the baseline's CSV objects (each at its recorded version) into one table.
 *
 * @throws BaselineHeaderError when the objects do not share one header
 * @throws DriftInputError when an object is not valid CSV
 */
export const readBaseline = async (baseline: Baseline, ports: Pick<DriftPorts, 'objects'>): Promise<DataTable> => {
  let table: DataTable | undefined;
  for (const object of baseline.objects) {
    const source = `s3://${object.bucket}/${object.key}`;
    const part = parseCsvTable(await ports.objects.text(object), { source });
    if (table === undefined) {
      table = { source: baseline.source, header: part.header, rows: [...part.rows] };
      continue;
    }
    if (part.header.join(',') !== table.header.join(',')) {
      throw new BaselineHeaderError(`${source}: its header differs from the first baseline object's`);
    }
    for (const row of part.rows) table.rows.push(row);
  }
  if (table === undefined) throw new BaselineHeaderError('the baseline has no object');
  return table;
};
