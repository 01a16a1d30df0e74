import { type DriftWindow, inWindow } from '../domain/driftWindow.js';
import { hourPrefixes } from '../domain/hourPrefixes.js';
import type { MonitorSettings } from '../domain/MonitorSettings.js';
import { parseCaptureLine } from '../domain/parseCaptureLine.js';
import { Reservoir } from '../domain/Reservoir.js';
import { readCapturedRows } from '../domain/readCapturedRows.js';
import { seededRandom } from '../domain/seededRandom.js';
import type { DriftPorts } from './ports.js';
import { type MalformedLines, readObjectLines } from './readObjectLines.js';

/**
 * One sampled prediction: inputs in `inputColumns` order (a one-line CSV request kept whole, see
 * `CapturedRow`), the output, and the id labels join on.
 */
export type SampledRow = { inputs: string[] | string; output: string; id: string };

/** What the window's capture files held, and the sample drawn from them. */
export type WindowSample = {
  rows: readonly SampledRow[];
  /** Predictions inside the window (before sampling). */
  seen: number;
  objects: number;
  outOfWindow: number;
  malformed: MalformedLines;
  rowsWithMissingColumns: number;
  rowsWithExtraColumns: number;
};

/**
 * Reads the window's Data Capture files and draws its sample.
 *
 * Lists the window's hour prefixes (`<prefix>/<endpoint>/<variant>/yyyy/mm/dd/hh/`, a few at a
 * time, see `listPrefixes`), streams each
 * object line by line, decodes every record, skips those whose `inferenceTime` is outside the
 * window, and offers each prediction to a reservoir of `maxRows` seeded from the model and the
 * window, so a re-run draws the same sample. A line that cannot be read is counted with its
 * object key and line number and never stops the check.
 */
export const readCaptureWindow = async (
  settings: Pick<MonitorSettings, 'model' | 'capture' | 'inputColumns' | 'maxRows'>,
  window: DriftWindow,
  ports: Pick<DriftPorts, 'objects' | 'bucket'>,
): Promise<WindowSample> => {
  const { capture, inputColumns } = settings;
  const reservoir = new Reservoir<SampledRow>(
    settings.maxRows,
    seededRandom(`${settings.model}|${window.start.toISOString()}|${window.end.toISOString()}`),
  );
  const sample: Omit<WindowSample, 'rows' | 'seen'> = {
    objects: 0,
    outOfWindow: 0,
    malformed: { count: 0, first: [] },
    rowsWithMissingColumns: 0,
    rowsWithExtraColumns: 0,
  };
  const base = `${capture.prefix}/${capture.endpoint}/${capture.variant}`;
  const prefixes = hourPrefixes(base, window.start, window.end);
  sample.objects = await readObjectLines(prefixes, ports, sample.malformed, (text, key, line) => {
    const record = parseCaptureLine(text);
    if (!inWindow(window, record.inferenceTime)) {
      sample.outOfWindow++;
      return;
    }
    const rows = readCapturedRows(record.input, record.output, inputColumns);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row.fields < inputColumns.length) sample.rowsWithMissingColumns++;
      else if (row.fields > inputColumns.length) sample.rowsWithExtraColumns++;
      // The draw comes first: the id of a row that is not kept is never built.
      const slot = reservoir.claim();
      if (slot < 0) continue;
      const id = record.inferenceId ?? record.eventId ?? `${key}#${line}`;
      reservoir.place(slot, {
        inputs: row.inputs,
        output: row.output,
        id: rows.length === 1 ? id : `${id}#${i}`,
      });
    }
  });
  return { ...sample, rows: reservoir.items, seen: reservoir.seen };
};
