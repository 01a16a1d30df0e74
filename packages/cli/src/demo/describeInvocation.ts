import type { InvocationRecord } from '@fleet/local-cloud';
import type { TimelineEntry } from './TimelineEntry.js';

type Result = Record<string, unknown>;

const serviceOf = (invocation: InvocationRecord): string =>
  (invocation.service ?? invocation.deployedName).replace(/^fleet-/, '');

/**
 * Describes an invocation the events do not already tell: one that failed (and is retried or
 * dead-lettered), or one whose handler decided to do nothing (a redelivered or already
 * validated object, an ignored trigger) and said why. Returns undefined for the others.
 */
export const describeInvocation = (invocation: InvocationRecord): TimelineEntry | undefined => {
  const service = serviceOf(invocation);
  if (invocation.outcome !== 'success') {
    const asynchronous = invocation.trigger.kind !== 'direct';
    const retried = !asynchronous ? '' : invocation.attempt <= 2 ? '; Lambda retries it' : '; Lambda gives up';
    return {
      at: invocation.startedAt,
      service,
      event: `${invocation.functionName} ${invocation.outcome}`,
      decision: `attempt ${invocation.attempt}`,
      why: `${invocation.error?.name ?? 'Error'}: ${invocation.error?.message ?? 'unknown'}${retried}`,
    };
  }
  const result = (invocation.result ?? {}) as Result;
  const status = typeof result.status === 'string' ? result.status : undefined;
  const quiet =
    status === 'duplicate' ||
    status === 'in-progress' ||
    status === 'ignored' ||
    (status === 'skipped' && typeof result.message === 'string');
  if (!quiet) return undefined;
  const why =
    status === 'duplicate'
      ? `${String(result.key ?? '')} was already ${String(result.verdict ?? 'validated')}: nothing written or emitted`
      : String(result.message ?? result.why ?? result.reason ?? '');
  return {
    at: invocation.startedAt,
    service,
    event: invocation.functionName,
    decision: status === 'skipped' && result.reason !== undefined ? `skipped: ${String(result.reason)}` : status,
    why,
  };
};
