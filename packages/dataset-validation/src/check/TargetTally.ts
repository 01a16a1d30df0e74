/**
 * Counts the classes of a target column, for `target.positiveRate` and `target.minClassShare`.
 *
 * Positives are counted exactly. Class counts stop at `maxClasses` distinct classes: with
 * `minClassShare` = s, more than 1 / s classes cannot all reach the share, so the cap decides
 * the outcome without growing with the file.
 */
export class TargetTally {
  total = 0;
  positives = 0;
  classes: Map<string | number, number> | null = new Map();

  constructor(
    readonly positive: string | number,
    readonly maxClasses: number,
  ) {}

  /** Counts one valid, non-null target value (a number, or the text of a category). */
  add(value: string | number): void {
    this.total++;
    if (value === this.positive) this.positives++;
    const classes = this.classes;
    if (classes === null) return;
    const seen = classes.get(value);
    if (seen !== undefined) classes.set(value, seen + 1);
    else if (classes.size < this.maxClasses) classes.set(value, 1);
    else this.classes = null;
  }
}
