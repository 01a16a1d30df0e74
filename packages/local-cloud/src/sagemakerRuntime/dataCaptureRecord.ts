import { eventTime } from '../eventbridge/LocalEvent.js';

/** How Data Capture writes a payload: as text for CSV and JSON content types, base64 otherwise. */
export type CaptureEncoding = 'CSV' | 'JSON' | 'BASE64';

/** One side of a captured request. */
export type CapturedPayload = {
  observedContentType: string;
  mode: 'INPUT' | 'OUTPUT';
  data: string;
  encoding: CaptureEncoding;
};

/** One line of a Data Capture file, in the documented layout. */
export type DataCaptureRecord = {
  captureData: { endpointInput?: CapturedPayload; endpointOutput?: CapturedPayload };
  eventMetadata: { eventId: string; inferenceId?: string; inferenceTime: string };
  eventVersion: '0';
};

/** The content types Data Capture writes as text (`CaptureContentTypeHeader`); defaults `text/csv`, `application/json`. */
export type CaptureContentTypes = { csv?: readonly string[]; json?: readonly string[] };

/** The encoding Data Capture uses for a content type (its parameters, such as `charset`, ignored). */
export const captureEncoding = (contentType: string, types: CaptureContentTypes = {}): CaptureEncoding => {
  const base = contentType.split(';')[0].trim().toLowerCase();
  if ((types.csv ?? ['text/csv']).some((type) => type.toLowerCase() === base)) return 'CSV';
  if ((types.json ?? ['application/json']).some((type) => type.toLowerCase() === base)) return 'JSON';
  return 'BASE64';
};

const payload = (
  mode: 'INPUT' | 'OUTPUT',
  contentType: string,
  body: string,
  types: CaptureContentTypes,
): CapturedPayload => {
  const encoding = captureEncoding(contentType, types);
  return {
    observedContentType: contentType,
    mode,
    data: encoding === 'BASE64' ? Buffer.from(body, 'utf8').toString('base64') : body,
    encoding,
  };
};

/**
 * Builds the Data Capture line of one request: `captureData.endpointInput` and/or
 * `endpointOutput` (as the capture options ask), `eventMetadata` with the event id, the caller's
 * inference id when it sent one and the time, and `eventVersion` "0".
 */
export const dataCaptureRecord = (input: {
  eventId: string;
  inferenceId?: string;
  timeMs: number;
  request?: { contentType: string; body: string };
  response?: { contentType: string; body: string };
  contentTypes?: CaptureContentTypes;
}): DataCaptureRecord => {
  const types = input.contentTypes ?? {};
  return {
    captureData: {
      ...(input.request === undefined
        ? {}
        : { endpointInput: payload('INPUT', input.request.contentType, input.request.body, types) }),
      ...(input.response === undefined
        ? {}
        : { endpointOutput: payload('OUTPUT', input.response.contentType, input.response.body, types) }),
    },
    eventMetadata: {
      eventId: input.eventId,
      ...(input.inferenceId === undefined ? {} : { inferenceId: input.inferenceId }),
      inferenceTime: eventTime(input.timeMs),
    },
    eventVersion: '0',
  };
};
