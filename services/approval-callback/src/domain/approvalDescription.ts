/** SageMaker's limit on `ApprovalDescription`. */
export const APPROVAL_DESCRIPTION_LIMIT = 1024;

/** What the description of a decision says. */
export type DescriptionInput = {
  decision: 'approved' | 'rejected' | 'expired' | 'superseded';
  decidedBy: string;
  decidedByName?: string;
  decidedAt: string;
  metric: string;
  challenger?: number;
  champion?: number;
  reason?: string;
};

const minute = (iso: string): string => `${iso.slice(0, 16)}Z`;
const verb = { approved: 'Approved', rejected: 'Rejected', expired: 'Expired', superseded: 'Superseded' } as const;

/**
 * The package's `ApprovalDescription`: who decided, where and when, and the numbers.
 *
 * @example
 * approvalDescription({ decision: 'approved', decidedBy: 'U0ANA', decidedByName: 'ana', decidedAt: '2025-06-02T09:41:07Z', metric: 'roc_auc', challenger: 0.84, champion: 0.82 })
 * // 'Approved by @ana (U0ANA) in Slack at 2025-06-02T09:41Z; roc_auc 0.84 vs champion 0.82'
 */
export const approvalDescription = (input: DescriptionInput): string => {
  const who = input.decidedBy.startsWith('fleet:')
    ? `by ${input.decidedBy}`
    : input.decidedByName !== undefined
      ? `by @${input.decidedByName} (${input.decidedBy}) in Slack`
      : `by ${input.decidedBy}`;
  const numbers =
    input.challenger === undefined
      ? ''
      : `; ${input.metric} ${input.challenger} vs ${input.champion === undefined ? 'no champion' : `champion ${input.champion}`}`;
  const why = input.reason === undefined || input.reason === '' ? '' : `: ${input.reason}`;
  return `${verb[input.decision]} ${who} at ${minute(input.decidedAt)}${numbers}${why}`.slice(
    0,
    APPROVAL_DESCRIPTION_LIMIT,
  );
};
