/** One line of the demo's timeline: when, who, what happened, the decision and why. */
export type TimelineEntry = {
  /** Local-clock time (ISO 8601). */
  at: string;
  /** Who acted: `s3`, `validate-dataset`, `trigger-retraining`, `scheduler`, `sagemaker`, `lambda`. */
  service: string;
  /** What happened: an event's detail-type or a short phrase (`schedule fired`). */
  event: string;
  /**
   * The decision taken, when there is one (`validated`, `skipped: debounced`, `started`, an
   * approval's `requested`, `approved`, `rejected`, `expired`, ...).
   */
  decision?: string;
  /** Why, in a sentence. */
  why: string;
  /** Further lines, such as a rejected dataset's issues. */
  details?: string[];
  /** The chain the entry belongs to, when known. */
  correlationId?: string;
};
