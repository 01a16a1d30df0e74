import { PayloadError } from './decodePayload.js';

/** One label of Model Monitor's ground-truth merge format. */
export type GroundTruthLabel = { eventId: string; label: string };

/**
 * Reads one line of a ground-truth file:
 * `{"groundTruthData": {"data": "1", "encoding": "CSV"}, "eventMetadata": {"eventId": "..."}, "eventVersion": "0"}`.
 *
 * `eventId` is the capture's `inferenceId` when the request had one, else its `eventId`, as
 * Model Monitor's merge joins them. `JSON` data may be a bare value or `{"label": ...}`.
 *
 * @throws PayloadError when the line is not JSON or lacks the data or the event id
 */
export const parseGroundTruthLine = (line: string): GroundTruthLabel => {
  let parsed: { groundTruthData?: { data?: unknown; encoding?: unknown }; eventMetadata?: { eventId?: unknown } };
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new PayloadError('not valid JSON');
  }
  const data = parsed?.groundTruthData?.data;
  const eventId = parsed?.eventMetadata?.eventId;
  if (typeof eventId !== 'string' || eventId === '') throw new PayloadError('no eventMetadata.eventId');
  if (typeof data !== 'string' && typeof data !== 'number') throw new PayloadError('no groundTruthData.data');
  const encoding = String(parsed.groundTruthData?.encoding ?? 'CSV').toUpperCase();
  let text = String(data);
  if (encoding === 'BASE64') text = Buffer.from(text, 'base64').toString('utf8');
  if (encoding === 'JSON') {
    try {
      const value = JSON.parse(text) as unknown;
      text = String(typeof value === 'object' && value !== null ? (value as { label?: unknown }).label : value);
    } catch {
      throw new PayloadError('groundTruthData.data is not valid JSON');
    }
  }
  return { eventId, label: text.split(',')[0].trim() };
};
