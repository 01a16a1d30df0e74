import type { DecideOutcome } from './decideOnce.js';
import type { Decision } from './records.js';

const minute = (iso: string | undefined): string => (iso === undefined ? 'an unknown time' : `${iso.slice(0, 16)}Z`);
const who = (d: Decision): string => (d.decidedByName !== undefined ? `@${d.decidedByName}` : d.decidedBy);

/**
 * The ephemeral answer to a click, in words.
 *
 * @example
 * replyText({ status: 'already', decision: { decision: 'approved', decidedBy: 'U1', decidedByName: 'ana', decidedAt: '2025-06-02T09:41:00Z', reason: 'ok' } }, 'churn')
 * // 'Already approved by @ana at 2025-06-02T09:41Z; nothing changed.'
 */
export const replyText = (outcome: DecideOutcome | { status: 'not-approver' }, model: string): string => {
  switch (outcome.status) {
    case 'decided':
      return `You ${outcome.decision.decision} ${model}${outcome.resent ? ' (the standing decision was sent again)' : ''}.`;
    case 'already':
      return `Already ${outcome.decision.decision} by ${who(outcome.decision)} at ${minute(outcome.decision.decidedAt)}; nothing changed.`;
    case 'closed':
      if (outcome.closedAs === 'expired')
        return `This approval of ${model} expired at ${minute(outcome.at)}; nothing changed.`;
      if (outcome.closedAs === 'superseded')
        return `This approval of ${model} was superseded by a newer package; nothing changed.`;
      return `This approval of ${model} closed before your decision reached it; nothing changed.`;
    case 'unsent':
      return `The decision (${outcome.decision.decision} by ${who(outcome.decision)}) stands but could not be delivered yet; click again to resend it.`;
    case 'not-approver':
      return `You are not an approver of ${model}.`;
    case 'unknown':
      return 'Unknown or closed approval.';
  }
};
