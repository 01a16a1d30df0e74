import { assertChanges } from './assertChanges.js';
import type { FleetRecord } from './FleetRecord.js';
import { assertLimit, historyBounds } from './historyBounds.js';
import { prepareRecord } from './prepareRecord.js';
import type { DeleteOptions, HistoryOptions, RecordsRepositoryPort, UpdateOptions } from './RecordsRepository.js';
import { correlationKey } from './recordKeys.js';

/** Drops `undefined` values at every depth, as the DynamoDB marshaller does with `removeUndefinedValues`. */
const withoutUndefined = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, withoutUndefined(v)]),
  ) as T;
};

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const bySortKey = (key: 'sk' | 'gsi1sk') => (a: FleetRecord, b: FleetRecord) =>
  String(a[key]) < String(b[key]) ? -1 : String(a[key]) > String(b[key]) ? 1 : 0;

/**
 * A {@link RecordsRepositoryPort} in memory, for unit tests of domain code.
 *
 * It follows the DynamoDB repository's contract (the same test suite runs against both):
 * validation, conditional writes that answer `false` when they lose, sort-key order and
 * correlation lookups. Records are copied in and out, so a test cannot change stored state by
 * mutating an object it holds.
 */
export class MemoryRecordsRepository implements RecordsRepositoryPort {
  readonly #items = new Map<string, FleetRecord>();

  /** Every stored record, in no particular order. */
  get records(): FleetRecord[] {
    return [...this.#items.values()].map((r) => structuredClone(r));
  }

  async put(record: FleetRecord): Promise<void> {
    const item = withoutUndefined(prepareRecord(record));
    this.#items.set(this.#key(item.pk, item.sk), structuredClone(item));
  }

  async putIfAbsent(record: FleetRecord): Promise<boolean> {
    const item = withoutUndefined(prepareRecord(record));
    if (this.#items.has(this.#key(item.pk, item.sk))) return false;
    this.#items.set(this.#key(item.pk, item.sk), structuredClone(item));
    return true;
  }

  async get(pk: string, sk: string): Promise<FleetRecord | undefined> {
    const item = this.#items.get(this.#key(pk, sk));
    return item === undefined ? undefined : structuredClone(item);
  }

  async update(
    pk: string,
    sk: string,
    changes: Record<string, unknown>,
    options: UpdateOptions = {},
  ): Promise<boolean> {
    assertChanges(changes);
    const current = this.#items.get(this.#key(pk, sk));
    if (options.ifExists && current === undefined) return false;
    if (!this.#matches(current, options.ifEquals)) return false;
    const next: Record<string, unknown> = { ...(current ?? { pk, sk }) };
    for (const [field, value] of Object.entries(changes)) {
      if (value === undefined) delete next[field];
      else next[field] = structuredClone(withoutUndefined(value));
    }
    this.#items.set(this.#key(pk, sk), next as FleetRecord);
    return true;
  }

  async delete(pk: string, sk: string, options: DeleteOptions = {}): Promise<boolean> {
    const current = this.#items.get(this.#key(pk, sk));
    if (!this.#matches(current, options.ifEquals)) return false;
    return this.#items.delete(this.#key(pk, sk));
  }

  async history(pk: string, options: HistoryOptions = {}): Promise<FleetRecord[]> {
    assertLimit(options.limit);
    const { lower, upper } = historyBounds(options);
    const found = [...this.#items.values()]
      .filter((r) => r.pk === pk && (lower === undefined || r.sk >= lower) && (upper === undefined || r.sk <= upper))
      .sort(bySortKey('sk'));
    if (options.newestFirst) found.reverse();
    return found.slice(0, options.limit).map((r) => structuredClone(r));
  }

  async byCorrelation(correlationId: string): Promise<FleetRecord[]> {
    const key = correlationKey(correlationId);
    return [...this.#items.values()]
      .filter((r) => r.gsi1pk === key && r.gsi1sk !== undefined)
      .sort(bySortKey('gsi1sk'))
      .map((r) => structuredClone(r));
  }

  /** True when every `ifEquals` field has its value (an `undefined` value asks for absence). */
  #matches(current: FleetRecord | undefined, ifEquals: Record<string, unknown> = {}): boolean {
    return Object.entries(ifEquals).every(([field, value]) =>
      value === undefined ? current?.[field] === undefined : current !== undefined && sameValue(current[field], value),
    );
  }

  #key(pk: string, sk: string): string {
    return JSON.stringify([pk, sk]);
  }
}
