import type { Issue } from './Issue.js';
import type { IssueCode } from './IssueCode.js';

/**
 * Keeps the first `maxPerCode` issues of each code and counts all of them.
 *
 * A ten-million-row file with one bad column still gives a short report with true totals.
 * `wants(code)` lets callers skip building a message nobody will keep.
 */
export class IssueCollector {
  readonly issues: Issue[] = [];
  private readonly counts = new Map<IssueCode, number>();

  constructor(readonly maxPerCode: number) {}

  /** Whether an issue of this code would still be kept (the next one is under the cap). */
  wants(code: IssueCode): boolean {
    return (this.counts.get(code) ?? 0) < this.maxPerCode;
  }

  /** Records one issue; `build` runs only when the issue is kept. */
  add(code: IssueCode, build: () => Omit<Issue, 'code'>): void {
    const seen = this.counts.get(code) ?? 0;
    this.counts.set(code, seen + 1);
    if (seen < this.maxPerCode) this.issues.push({ code, ...build() });
  }

  /** The total number of issues of every code. */
  get total(): number {
    let total = 0;
    for (const count of this.counts.values()) total += count;
    return total;
  }

  /** The totals per code, as plain JSON. */
  countsByCode(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}
