const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/**
 * The correlation id a re-sent payload carries: a fleet event's `detail.correlationId`, a direct
 * request's `correlationId`, a Step Functions input's `correlationId`, or that of the message of
 * an SNS event or notification (JSON). Undefined when it carries none.
 *
 * @example
 * correlationIdOf({ 'detail-type': 'Dataset Validated', detail: { correlationId: 'evt-1' } }) // 'evt-1'
 */
export const correlationIdOf = (payload: unknown): string | undefined => {
  if (typeof payload === 'string') {
    try {
      return correlationIdOf(JSON.parse(payload));
    } catch {
      // Not JSON: a plain text message carries no correlation id.
      return undefined;
    }
  }
  if (!isObject(payload)) return undefined;
  const direct = text(payload.correlationId);
  if (direct !== undefined) return direct;
  if (isObject(payload.detail)) {
    const fromDetail = text(payload.detail.correlationId);
    if (fromDetail !== undefined) return fromDetail;
  }
  if (isObject(payload.input)) return correlationIdOf(payload.input);
  if (typeof payload.Message === 'string') return correlationIdOf(payload.Message);
  if (Array.isArray(payload.Records) && isObject(payload.Records[0]) && isObject(payload.Records[0].Sns)) {
    return correlationIdOf(payload.Records[0].Sns.Message);
  }
  return undefined;
};
