import type { TimelineEntry } from './TimelineEntry.js';

/** How many alarm names the digest line lists before it says how many more. */
const NAMES_SHOWN = 3;

/**
 * Collapses the CloudWatch alarm transitions to OK of one section of the demo's story into one
 * line: every stack's alarms start in INSUFFICIENT_DATA and settle to OK as the clock moves, which
 * says nothing but "all is well". A transition to ALARM (or any other state) is not absorbed and
 * is printed in full.
 */
export class AlarmDigest {
  #names: string[] = [];
  #first?: string;

  /** Absorbs `entry` when it is an alarm going to OK (true), else leaves it to be printed (false). */
  absorb(entry: TimelineEntry): boolean {
    if (entry.service !== 'cloudwatch' || entry.event !== 'Alarm State Change' || entry.decision !== 'ok') return false;
    this.#first ??= entry.at;
    this.#names.push(entry.why.split(':')[0]);
    return true;
  }

  /** The section's digest line (then starts afresh), or undefined when no alarm went to OK. */
  take(): { at: string; line: string } | undefined {
    if (this.#first === undefined) return undefined;
    const names = [...new Set(this.#names)];
    const shown = names.slice(0, NAMES_SHOWN).join(', ');
    const more = names.length > NAMES_SHOWN ? ` and ${names.length - NAMES_SHOWN} more` : '';
    const count = this.#names.length;
    const digest = {
      at: this.#first,
      line: `${count} alarm${count === 1 ? '' : 's'} OK (${shown}${more})`,
    };
    this.#names = [];
    this.#first = undefined;
    return digest;
  }
}
