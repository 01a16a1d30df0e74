import type { ObjectRef, ObjectStore } from '../services/drift-monitor/src/app/ports.js';

/**
 * Where a check's time and memory go, seen from its object store: the capture objects are
 * streamed first (`lines`), the reports written last (`put`), so the time to the last line read
 * is the reading and sampling, the time from there to the first report written is the decision
 * and the rendering. Heap and RSS are sampled at each object read and each report written.
 */
export class PhaseClock {
  readonly #started = performance.now();
  #readEnd = 0;
  #firstPut = 0;
  #peakHeapReading = 0;
  #peakRssReading = 0;
  #heapAtPut = 0;
  #rssAtPut = 0;

  watch(objects: ObjectStore): ObjectStore {
    return {
      list: (bucket, prefix) => objects.list(bucket, prefix),
      text: (object) => objects.text(object),
      lines: (object) => this.#lines(objects, object),
      put: async (bucket, key, body, contentType) => {
        if (this.#firstPut === 0) {
          this.#firstPut = performance.now();
          const m = process.memoryUsage();
          this.#heapAtPut = m.heapUsed;
          this.#rssAtPut = m.rss;
        }
        return objects.put(bucket, key, body, contentType);
      },
    };
  }

  async *#lines(objects: ObjectStore, object: ObjectRef): AsyncIterable<string[]> {
    yield* objects.lines(object);
    const m = process.memoryUsage();
    this.#peakHeapReading = Math.max(this.#peakHeapReading, m.heapUsed);
    this.#peakRssReading = Math.max(this.#peakRssReading, m.rss);
    this.#readEnd = performance.now();
  }

  /** Seconds and megabytes per phase. */
  summary() {
    const mb = (b: number) => Math.round(b / 1048576);
    const s = (ms: number) => Math.round(ms) / 1000;
    return {
      readingSeconds: s(this.#readEnd - this.#started),
      decisionAndRenderingSeconds: s(this.#firstPut - this.#readEnd),
      afterFirstReportSeconds: s(performance.now() - this.#firstPut),
      readingPeakHeapMb: mb(this.#peakHeapReading),
      readingPeakRssMb: mb(this.#peakRssReading),
      heapAtFirstReportMb: mb(this.#heapAtPut),
      rssAtFirstReportMb: mb(this.#rssAtPut),
    };
  }
}
