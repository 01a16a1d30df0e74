import type { CapturedPayload } from './decodePayload.js';
import { PayloadError } from './decodePayload.js';

/** One Data Capture record (one line of a capture file). */
export type CaptureRecord = {
  input: CapturedPayload;
  output?: CapturedPayload;
  eventId?: string;
  inferenceId?: string;
  inferenceTime: string;
};

const payload = (value: unknown, side: string): CapturedPayload | undefined => {
  if (value === undefined) return undefined;
  const p = value as Partial<CapturedPayload>;
  if (typeof p !== 'object' || p === null || typeof p.data !== 'string' || typeof p.encoding !== 'string') {
    throw new PayloadError(`captureData.${side} has no data and encoding`);
  }
  return p as CapturedPayload;
};

/**
 * Reads one line of a Data Capture file:
 * `{"captureData": {"endpointInput": {...}, "endpointOutput": {...}}, "eventMetadata": {"eventId", "inferenceId"?, "inferenceTime"}, "eventVersion": "0"}`.
 *
 * @throws PayloadError when the line is not JSON or lacks the request or its time
 */
export const parseCaptureLine = (line: string): CaptureRecord => {
  let parsed: { captureData?: Record<string, unknown>; eventMetadata?: Record<string, unknown> };
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new PayloadError('not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || typeof parsed.captureData !== 'object') {
    throw new PayloadError('no captureData');
  }
  const input = payload(parsed.captureData.endpointInput, 'endpointInput');
  if (input === undefined) throw new PayloadError('no captureData.endpointInput');
  const meta = parsed.eventMetadata ?? {};
  if (typeof meta.inferenceTime !== 'string') throw new PayloadError('no eventMetadata.inferenceTime');
  return {
    input,
    output: payload(parsed.captureData.endpointOutput, 'endpointOutput'),
    inferenceTime: meta.inferenceTime,
    ...(typeof meta.eventId === 'string' ? { eventId: meta.eventId } : {}),
    ...(typeof meta.inferenceId === 'string' ? { inferenceId: meta.inferenceId } : {}),
  };
};
