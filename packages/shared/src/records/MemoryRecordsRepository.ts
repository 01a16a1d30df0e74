import { assertChanges } from './assertChanges.js';
import type { FleetRecord } from './FleetRecord.js';
import { assertLimit, historyBounds } from './historyBounds.js';
import { prepareRecord } from './prepareRecord.js';
import type { DeleteOptions, HistoryOptions, RecordsRepositoryPort, UpdateOptions } from './RecordsRepository.js';
import { correlationKey } from './recordKeys.js';

/**
 * True for an object literal (or a null-prototype object) from any realm: `structuredClone` and
 * jest's sandbox hand out objects whose `Object.prototype` is another realm's, which an identity
 * check would take for a class instance.
 */
const isPlainObject = (value: object): boolean => {
  const prototype = Object.getPrototypeOf(value);
  return (
    prototype === null ||
    (Object.getPrototypeOf(prototype) === null && Object.prototype.toString.call(value) === '[object Object]')
  );
};

/**
 * Drops `undefined` values at every depth, list elements included, as the DynamoDB marshaller
 * does with `removeUndefinedValues` (`[1, undefined, 2]` is stored as `[1, 2]`).
 */
const withoutUndefined = <T>(value: T): T => {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(withoutUndefined) as T;
  if (value === null || typeof value !== 'object') return value;
  // Sets, binary and class instances stay as they are; assertStorable refuses what DynamoDB would.
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, withoutUndefined(v)]),
  ) as T;
};

/** DynamoDB's item size limit (400 KB), which dynalite enforces too. */
const MAX_ITEM_BYTES = 400 * 1024;

/**
 * Throws where the DynamoDB document client's marshaller throws: numbers that are not finite,
 * empty sets, and values that are not plain data (a `Date`, a class instance, a function).
 */
const assertStorable = (value: unknown): void => {
  if (value === undefined || value === null) return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Special numeric value ${value} is not allowed`);
    return;
  }
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'bigint') return;
  if (typeof value !== 'object') throw new Error(`Unsupported type passed: ${String(value)}`);
  if (value instanceof Uint8Array) return;
  if (value instanceof Set) {
    if (value.size === 0) throw new Error('Pass a non-empty set, or options.convertEmptyValues=true.');
    for (const v of value) assertStorable(v);
    return;
  }
  if (value instanceof Map) {
    for (const v of value.values()) assertStorable(v);
    return;
  }
  if (!Array.isArray(value) && !isPlainObject(value)) throw new Error(`Unsupported type passed: ${String(value)}`);
  for (const v of Object.values(value)) assertStorable(v);
};

/** The size DynamoDB counts for a value: UTF-8 bytes of strings and names, about half a byte per digit. */
const valueBytes = (value: unknown): number => {
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number' || typeof value === 'bigint') {
    const digits = String(value)
      .replace(/[^0-9]/g, '')
      .replace(/^0+/, '').length;
    return 1 + Math.ceil(Math.max(digits, 1) / 2);
  }
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce<number>((sum, v) => sum + valueBytes(v), 0);
  if (Array.isArray(value)) return 3 + value.reduce<number>((sum, v) => sum + 1 + valueBytes(v), 0);
  if (value instanceof Map) return valueBytes(Object.fromEntries(value));
  const entries = Object.entries(value as object);
  return 3 + entries.length + itemBytes(Object.fromEntries(entries));
};

const itemBytes = (item: Record<string, unknown>): number =>
  Object.entries(item).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + valueBytes(value), 0);

/**
 * Throws the ValidationException DynamoDB answers for an item over 400 KB, with its message.
 */
const assertItemSize = (item: Record<string, unknown>, message: string): void => {
  if (itemBytes(item) <= MAX_ITEM_BYTES) return;
  const error = new Error(message);
  error.name = 'ValidationException';
  throw error;
};

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const bySortKey = (key: 'sk' | 'gsi1sk') => (a: FleetRecord, b: FleetRecord) =>
  String(a[key]) < String(b[key]) ? -1 : String(a[key]) > String(b[key]) ? 1 : 0;

/**
 * A {@link RecordsRepositoryPort} in memory, for unit tests of domain code.
 *
 * It follows the DynamoDB repository's contract (the same test suite runs against both):
 * validation, conditional writes that answer `false` when they lose, sort-key order and
 * correlation lookups, and the marshaller's and the table's refusals (a `NaN`, a `Date`, an
 * item over 400 KB), so a test cannot pass here with a write DynamoDB would reject. Records
 * are copied in and out, so a test cannot change stored state by mutating an object it holds.
 */
export class MemoryRecordsRepository implements RecordsRepositoryPort {
  readonly #items = new Map<string, FleetRecord>();

  /** Every stored record, in no particular order. */
  get records(): FleetRecord[] {
    return [...this.#items.values()].map((r) => structuredClone(r));
  }

  async put(record: FleetRecord): Promise<void> {
    const item = this.#storable(record);
    this.#items.set(this.#key(item.pk, item.sk), structuredClone(item));
  }

  async putIfAbsent(record: FleetRecord): Promise<boolean> {
    const item = this.#storable(record);
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
    assertStorable(changes);
    const current = this.#items.get(this.#key(pk, sk));
    if (options.ifExists && current === undefined) return false;
    if (!this.#matches(current, options.ifEquals)) return false;
    const next: Record<string, unknown> = { ...(current ?? { pk, sk }) };
    for (const [field, value] of Object.entries(changes)) {
      if (value === undefined) delete next[field];
      else next[field] = structuredClone(withoutUndefined(value));
    }
    assertItemSize(next, 'Item size to update has exceeded the maximum allowed size');
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

  /** The record as DynamoDB would store it, or the error DynamoDB would answer. */
  #storable(record: FleetRecord): FleetRecord {
    const prepared = prepareRecord(record);
    assertStorable(prepared);
    const item = withoutUndefined(prepared);
    assertItemSize(item, 'Item size has exceeded the maximum allowed size');
    return item;
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
