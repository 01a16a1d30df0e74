import type { DriftWindow } from '../domain/driftWindow.js';
import { hourPrefixes } from '../domain/hourPrefixes.js';
import { parseGroundTruthLine } from '../domain/parseGroundTruthLine.js';
import type { DriftPorts } from './ports.js';
import { type MalformedLines, readObjectLines } from './readObjectLines.js';

/** The labels found for the sampled predictions. */
export type Labels = {
  byId: Map<string, string>;
  objects: number;
  malformed: MalformedLines;
};

/**
 * Reads the ground truth collected from the window's start until `lookbackHours` after its end
 * (or now, if sooner), in Model Monitor's merge format under `<prefix>/yyyy/mm/dd/hh/`, keeping
 * only the labels of the predictions in `wanted` (their `inferenceId`, else `eventId`).
 */
export const readLabels = async (
  groundTruth: { prefix: string; lookbackHours: number },
  window: DriftWindow,
  wanted: ReadonlySet<string>,
  ports: Pick<DriftPorts, 'objects' | 'bucket' | 'clock'>,
): Promise<Labels> => {
  const until = Math.min(window.end.getTime() + groundTruth.lookbackHours * 3_600_000, ports.clock.now().getTime());
  const labels: Labels = { byId: new Map(), objects: 0, malformed: { count: 0, first: [] } };
  const prefixes = hourPrefixes(groundTruth.prefix, window.start, new Date(until));
  labels.objects = await readObjectLines(prefixes, ports, labels.malformed, (text) => {
    const label = parseGroundTruthLine(text);
    if (wanted.has(label.eventId)) labels.byId.set(label.eventId, label.label);
  });
  return labels;
};
