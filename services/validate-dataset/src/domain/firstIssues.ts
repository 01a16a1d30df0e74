import type { Issue } from '@fleet/dataset-validation';

/** The longest message an issue keeps in a record or an event; the full text is never needed there. */
export const MAX_ISSUE_MESSAGE = 300;

/**
 * The first `limit` issues, making sure each code appears at least once, in the order found.
 *
 * A file with thousands of range errors and one encoding problem must still show the encoding
 * problem in an event of twenty issues. Messages are cut to {@link MAX_ISSUE_MESSAGE}
 * characters so records stay far below DynamoDB's 400 KB item limit and events below
 * EventBridge's 256 KB.
 *
 * @example
 * firstIssues([a1, a2, a3, b1], 2) // [a1, b1]
 */
export const firstIssues = (issues: readonly Issue[], limit: number): Issue[] => {
  const chosen = new Set<number>();
  const seen = new Set<string>();
  issues.forEach((issue, i) => {
    if (chosen.size < limit && !seen.has(issue.code)) {
      seen.add(issue.code);
      chosen.add(i);
    }
  });
  for (let i = 0; i < issues.length && chosen.size < limit; i++) chosen.add(i);
  return [...chosen]
    .sort((a, b) => a - b)
    .map((i) => {
      const issue = issues[i];
      return issue.message.length > MAX_ISSUE_MESSAGE
        ? { ...issue, message: `${issue.message.slice(0, MAX_ISSUE_MESSAGE - 1)}…` }
        : issue;
    });
};
