import { isPlainObject } from '../isPlainObject.js';

/** The Events API v2 limits (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/). */
export const PAGERDUTY_LIMITS = {
  routingKey: 32,
  dedupKey: 255,
  summary: 1024,
} as const;

export const PAGERDUTY_SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
export const PAGERDUTY_EVENT_ACTIONS = ['trigger', 'acknowledge', 'resolve'] as const;

export type PagerDutySeverity = (typeof PAGERDUTY_SEVERITIES)[number];
export type PagerDutyEventAction = (typeof PAGERDUTY_EVENT_ACTIONS)[number];

/** An alert event that passed validation. */
export type ValidPagerDutyEvent = {
  routingKey: string;
  eventAction: PagerDutyEventAction;
  dedupKey?: string;
  /** Present for `trigger`. */
  payload?: {
    summary: string;
    source: string;
    severity: PagerDutySeverity;
    timestamp?: string;
    component?: string;
    group?: string;
    class?: string;
    custom_details?: unknown;
  };
  links?: unknown[];
  images?: unknown[];
};

const blank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

const optionalString = (errors: string[], value: unknown, name: string): void => {
  if (value !== undefined && value !== null && typeof value !== 'string') errors.push(`'${name}' must be a string`);
};

/**
 * Validates an Events API v2 alert event as PagerDuty does and answers its problems in the
 * `errors` of PagerDuty's 400 answer, worded as PagerDuty words them where known: `routing_key`
 * present and 32 characters, `event_action` one of trigger/acknowledge/resolve, `dedup_key` at
 * most 255 characters and required to acknowledge or resolve, and for a trigger `payload` with
 * `summary` (at most 1,024 characters), `source`, `severity` (critical, error, warning, info), an
 * ISO 8601 `timestamp` when given, and `links` / `images` as arrays.
 */
export const validatePagerDutyEvent = (body: unknown): ValidPagerDutyEvent | { errors: string[] } => {
  if (!isPlainObject(body)) return { errors: ['Event object must be a JSON object'] };
  const errors: string[] = [];
  const { routing_key: routingKey, event_action: eventAction, dedup_key: dedupKey, payload } = body;
  if (blank(routingKey)) errors.push("'routing_key' is missing or blank");
  else if (String(routingKey).length !== PAGERDUTY_LIMITS.routingKey) {
    errors.push(`Length of 'routing_key' is incorrect (should be ${PAGERDUTY_LIMITS.routingKey} characters)`);
  }
  if (blank(eventAction)) errors.push("'event_action' is missing or blank");
  else if (!(PAGERDUTY_EVENT_ACTIONS as readonly unknown[]).includes(eventAction)) {
    errors.push("'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or 'resolve')");
  }
  optionalString(errors, dedupKey, 'dedup_key');
  if (typeof dedupKey === 'string' && dedupKey.length > PAGERDUTY_LIMITS.dedupKey) {
    errors.push(`'dedup_key' is too long (maximum is ${PAGERDUTY_LIMITS.dedupKey} characters)`);
  }
  if ((eventAction === 'acknowledge' || eventAction === 'resolve') && blank(dedupKey)) {
    errors.push("'dedup_key' is missing or blank");
  }
  if (eventAction === 'trigger') {
    if (!isPlainObject(payload)) errors.push("'payload' is missing or blank");
    else {
      if (blank(payload.summary)) errors.push("'payload.summary' is missing or blank");
      else if (String(payload.summary).length > PAGERDUTY_LIMITS.summary) {
        errors.push(`'payload.summary' is too long (maximum is ${PAGERDUTY_LIMITS.summary} characters)`);
      }
      if (blank(payload.source)) errors.push("'payload.source' is missing or blank");
      if (blank(payload.severity)) errors.push("'payload.severity' is missing or blank");
      else if (!(PAGERDUTY_SEVERITIES as readonly unknown[]).includes(payload.severity)) {
        errors.push(
          "'payload.severity' is invalid (must be one of the following: 'critical', 'warning', 'error' or 'info')",
        );
      }
      if (
        payload.timestamp !== undefined &&
        (typeof payload.timestamp !== 'string' || Number.isNaN(Date.parse(payload.timestamp)))
      ) {
        errors.push("'payload.timestamp' is invalid (must be an ISO 8601 timestamp)");
      }
      for (const name of ['component', 'group', 'class'] as const)
        optionalString(errors, payload[name], `payload.${name}`);
    }
  }
  for (const name of ['links', 'images'] as const) {
    if (body[name] !== undefined && !Array.isArray(body[name])) errors.push(`'${name}' must be an array`);
  }
  if (errors.length > 0) return { errors };
  return {
    routingKey: String(routingKey),
    eventAction: eventAction as PagerDutyEventAction,
    ...(typeof dedupKey === 'string' && dedupKey !== '' ? { dedupKey } : {}),
    ...(eventAction === 'trigger' && isPlainObject(payload)
      ? { payload: payload as NonNullable<ValidPagerDutyEvent['payload']> }
      : {}),
    ...(Array.isArray(body.links) ? { links: body.links } : {}),
    ...(Array.isArray(body.images) ? { images: body.images } : {}),
  };
};
