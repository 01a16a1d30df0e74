import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { assertChanges } from './assertChanges.js';
import type { FleetRecord } from './FleetRecord.js';
import { assertLimit, historyBounds } from './historyBounds.js';
import { prepareRecord } from './prepareRecord.js';
import { correlationKey } from './recordKeys.js';
import { CORRELATION_INDEX } from './recordsTableDefinition.js';

/** Options of {@link RecordsRepositoryPort.history}. */
export type HistoryOptions = {
  /** Newest record first; oldest first by default. */
  newestFirst?: boolean;
  /** At most this many records. */
  limit?: number;
  /** Only records at or after this ISO time. */
  since?: string;
  /** Only records at or before this ISO time. */
  until?: string;
};

/** Conditions of {@link RecordsRepositoryPort.update}. */
export type UpdateOptions = {
  /** Update only when each of these attributes currently has exactly this value. */
  ifEquals?: Record<string, unknown>;
  /** Update only an existing record (by default a missing record is created). */
  ifExists?: boolean;
};

/** Conditions of {@link RecordsRepositoryPort.delete}. */
export type DeleteOptions = { ifEquals?: Record<string, unknown> };

/**
 * The audit records store. Domain code depends on this port, so unit tests pass a fake and
 * never need DynamoDB.
 */
export interface RecordsRepositoryPort {
  put(record: FleetRecord): Promise<void>;
  putIfAbsent(record: FleetRecord): Promise<boolean>;
  get(pk: string, sk: string): Promise<FleetRecord | undefined>;
  update(pk: string, sk: string, changes: Record<string, unknown>, options?: UpdateOptions): Promise<boolean>;
  delete(pk: string, sk: string, options?: DeleteOptions): Promise<boolean>;
  history(pk: string, options?: HistoryOptions): Promise<FleetRecord[]>;
  byCorrelation(correlationId: string): Promise<FleetRecord[]>;
}

/** Options of {@link RecordsRepository}. */
export type RecordsRepositoryOptions = { client: DynamoDBDocumentClient; tableName: string };

const isConditionFailure = (error: unknown): boolean =>
  error instanceof ConditionalCheckFailedException ||
  (error instanceof Error && error.name === 'ConditionalCheckFailedException');

/** Builds `#c0 = :c0 AND ...` for the given attribute values, into the shared name/value maps. */
const equalsCondition = (
  ifEquals: Record<string, unknown>,
  names: Record<string, string>,
  values: Record<string, unknown>,
): string[] =>
  Object.entries(ifEquals).map(([field, value], i) => {
    names[`#c${i}`] = field;
    if (value === undefined) return `attribute_not_exists(#c${i})`;
    values[`:c${i}`] = value;
    return `#c${i} = :c${i}`;
  });

/**
 * The single-table records repository over DynamoDB.
 *
 * Every "exactly once" write is a conditional write (`putIfAbsent`, `update` with `ifEquals`),
 * never a transaction: one item, one condition, which DynamoDB and dynalite both honour
 * atomically. A lost race is an answer (`false`), not an exception. Histories and correlation
 * chains are single Queries in sort-key order, which is time order because sort keys start
 * with the canonical ISO time.
 */
export class RecordsRepository implements RecordsRepositoryPort {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(options: RecordsRepositoryOptions) {
    this.#client = options.client;
    this.#tableName = options.tableName;
  }

  /** Writes a record, replacing any with the same keys. */
  async put(record: FleetRecord): Promise<void> {
    await this.#client.send(new PutCommand({ TableName: this.#tableName, Item: prepareRecord(record) }));
  }

  /** Writes a record unless one with the same keys exists; `false` when it existed. */
  async putIfAbsent(record: FleetRecord): Promise<boolean> {
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#tableName,
          Item: prepareRecord(record),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Reads one record (strongly consistent), or `undefined`. */
  async get(pk: string, sk: string): Promise<FleetRecord | undefined> {
    const output = await this.#client.send(
      new GetCommand({ TableName: this.#tableName, Key: { pk, sk }, ConsistentRead: true }),
    );
    return output.Item as FleetRecord | undefined;
  }

  /**
   * Sets the given fields (an `undefined` value removes the field); `false` when a condition
   * failed.
   *
   * @throws RangeError when `changes` is empty or touches `pk` or `sk`
   */
  async update(
    pk: string,
    sk: string,
    changes: Record<string, unknown>,
    options: UpdateOptions = {},
  ): Promise<boolean> {
    assertChanges(changes);
    const entries = Object.entries(changes);
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const set: string[] = [];
    const remove: string[] = [];
    entries.forEach(([field, value], i) => {
      names[`#f${i}`] = field;
      if (value === undefined) {
        remove.push(`#f${i}`);
      } else {
        values[`:f${i}`] = value;
        set.push(`#f${i} = :f${i}`);
      }
    });
    const conditions = equalsCondition(options.ifEquals ?? {}, names, values);
    if (options.ifExists) conditions.unshift('attribute_exists(pk)');
    const expression = [
      set.length > 0 ? `SET ${set.join(', ')}` : '',
      remove.length > 0 ? `REMOVE ${remove.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: { pk, sk },
          UpdateExpression: expression,
          ConditionExpression: conditions.length > 0 ? conditions.join(' AND ') : undefined,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: Object.keys(values).length > 0 ? values : undefined,
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Deletes a record; `false` when there was none or the condition failed. */
  async delete(pk: string, sk: string, options: DeleteOptions = {}): Promise<boolean> {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const conditions = equalsCondition(options.ifEquals ?? {}, names, values);
    try {
      const output = await this.#client.send(
        new DeleteCommand({
          TableName: this.#tableName,
          Key: { pk, sk },
          ReturnValues: 'ALL_OLD',
          ...(conditions.length > 0
            ? {
                ConditionExpression: conditions.join(' AND '),
                ExpressionAttributeNames: names,
                ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
              }
            : {}),
        }),
      );
      return output.Attributes !== undefined;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** The records of one partition in time order (one Query, paginated). */
  async history(pk: string, options: HistoryOptions = {}): Promise<FleetRecord[]> {
    const values: Record<string, unknown> = { ':pk': pk };
    let range = '';
    const { lower, upper } = historyBounds(options);
    if (lower !== undefined && upper !== undefined) {
      range = ' AND sk BETWEEN :since AND :until';
      values[':since'] = lower;
      values[':until'] = upper;
    } else if (lower !== undefined) {
      range = ' AND sk >= :since';
      values[':since'] = lower;
    } else if (upper !== undefined) {
      range = ' AND sk <= :until';
      values[':until'] = upper;
    }
    return this.#query(
      {
        TableName: this.#tableName,
        KeyConditionExpression: `pk = :pk${range}`,
        ExpressionAttributeValues: values,
        ScanIndexForward: !options.newestFirst,
        ConsistentRead: true,
      },
      options.limit,
    );
  }

  /** Every record of one correlation id, in time order, from the `gsi1` index. */
  async byCorrelation(correlationId: string): Promise<FleetRecord[]> {
    return this.#query({
      TableName: this.#tableName,
      IndexName: CORRELATION_INDEX,
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': correlationKey(correlationId) },
      ScanIndexForward: true,
    });
  }

  async #query(input: QueryCommandInput, limit?: number): Promise<FleetRecord[]> {
    assertLimit(limit);
    const items: FleetRecord[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const remaining = limit === undefined ? undefined : limit - items.length;
      const output = await this.#client.send(
        new QueryCommand({
          ...input,
          ExclusiveStartKey: startKey,
          ...(remaining === undefined ? {} : { Limit: remaining }),
        }),
      );
      items.push(...((output.Items ?? []) as FleetRecord[]));
      startKey = output.LastEvaluatedKey;
    } while (startKey !== undefined && (limit === undefined || items.length < limit));
    return items;
  }
}
