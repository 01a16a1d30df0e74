/** One side of a captured request, as Data Capture writes it. */
export type CapturedPayload = { observedContentType?: string; mode?: string; data: string; encoding: string };

/** A payload that cannot be read; the message says why (the caller adds the line and key). */
export class PayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadError';
  }
}

/**
 * The text of a captured payload: `CSV` and `JSON` as written, `BASE64` decoded as UTF-8.
 *
 * Data Capture base64-encodes any content type not listed in the endpoint's
 * `CaptureContentTypeHeader`, so the same endpoint may write either.
 *
 * @throws PayloadError for another encoding
 */
export const payloadText = (payload: CapturedPayload): string => {
  // Data Capture writes the encodings in capitals: compare them as written before folding case.
  const encoding = payload.encoding;
  if (encoding === 'CSV' || encoding === 'JSON') return payload.data;
  switch (encoding.toUpperCase()) {
    case 'CSV':
    case 'JSON':
      return payload.data;
    case 'BASE64':
      return Buffer.from(payload.data, 'base64').toString('utf8');
    default:
      throw new PayloadError(`unknown encoding "${payload.encoding}"`);
  }
};

/** Whether a payload's content is JSON: by its content type, else by its encoding. */
export const isJsonPayload = (payload: CapturedPayload): boolean =>
  payload.observedContentType === undefined
    ? /^json$/i.test(payload.encoding)
    : /json/i.test(payload.observedContentType);
