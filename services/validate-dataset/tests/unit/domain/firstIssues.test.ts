import type { Issue } from '@fleet/dataset-validation';
import { firstIssues, MAX_ISSUE_MESSAGE } from '../../../src/domain/firstIssues.js';

const issue = (code: Issue['code'], line: number, message = `${code} at ${line}`): Issue => ({ code, message, line });

describe('firstIssues', () => {
  it('keeps at least one issue of each code, in the order found', () => {
    // Prepare
    const issues = [issue('below_min', 2), issue('below_min', 3), issue('below_min', 4), issue('not_in_values', 9)];

    // Act
    const first = firstIssues(issues, 2);

    // Assess
    expect(first.map((i) => [i.code, i.line])).toEqual([
      ['below_min', 2],
      ['not_in_values', 9],
    ]);
  });

  it('fills up to the limit with the earliest remaining issues', () => {
    // Prepare
    const issues = [issue('below_min', 2), issue('below_min', 3), issue('below_min', 4), issue('not_in_values', 9)];

    // Act
    const first = firstIssues(issues, 3);

    // Assess
    expect(first.map((i) => i.line)).toEqual([2, 3, 9]);
  });

  it('shortens long messages', () => {
    // Prepare
    const issues = [issue('field_too_long', 1, 'x'.repeat(10_000))];

    // Act
    const [first] = firstIssues(issues, 5);

    // Assess
    expect(first.message).toHaveLength(MAX_ISSUE_MESSAGE);
    expect(first.message.endsWith('…')).toBe(true);
  });
});
