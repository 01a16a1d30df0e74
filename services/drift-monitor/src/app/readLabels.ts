import { PayloadError } from '../domain/decodePayload.js';
import type { DriftWindow } from '../domain/driftWindow.js';
import { hourPrefixes } from '../domain/hourPrefixes.js';
import { parseGroundTruthLine } from '../domain/parseGroundTruthLine.js';
import { listPrefixes } from './listPrefixes.js';
import type { DriftPorts } from './ports.js';
import type { MalformedLine } from './readCaptureWindow.js';

/** The labels found for the sampled predictions. */
export type Labels = {
  byId: Map<string, string>;
  objects: number;
  malformed: { count: number; first: MalformedLine[] };
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
  for (const keys of await listPrefixes(hourPrefixes(groundTruth.prefix, window.start, new Date(until)), ports)) {
    for (const key of keys) {
      labels.objects++;
      let line = 0;
      for await (const batch of ports.objects.lines({ bucket: ports.bucket, key })) {
        for (const text of batch) {
          line++;
          if (text.trim() === '') continue;
          try {
            const label = parseGroundTruthLine(text);
            if (wanted.has(label.eventId)) labels.byId.set(label.eventId, label.label);
          } catch (error) {
            if (!(error instanceof PayloadError)) throw error;
            labels.malformed.count++;
            if (labels.malformed.first.length < 20) labels.malformed.first.push({ key, line, reason: error.message });
          }
        }
      }
    }
  }
  return labels;
};
