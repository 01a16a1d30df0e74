import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { correlationKey, sortKey } from '@fleet/shared';
import type { DigestStore, DigestWindow } from '../app/ports.js';
import { deliveryTtlDays, notifyRecordKeys, ttlAfter } from '../app/recordKeys.js';
import type { DigestItem } from '../domain/slack/messages/digestMessage.js';

/** Items a window lists; later ones are only counted (a DynamoDB item holds at most 400 KB). */
export const MAX_DIGEST_ITEMS = 200;

/** Every attribute by placeholder: some (`count`, `items`) are DynamoDB reserved words. */
const NAMES = {
  '#count': 'count',
  '#at': 'at',
  '#ttl': 'ttl',
  '#wid': 'windowId',
  '#openedAt': 'openedAt',
  '#kind': 'kind',
  '#id': 'id',
  '#corr': 'correlationId',
  '#g1p': 'gsi1pk',
  '#g1s': 'gsi1sk',
};

const isConditionFailure = (error: unknown): boolean =>
  error instanceof ConditionalCheckFailedException ||
  (error instanceof Error && error.name === 'ConditionalCheckFailedException');

/**
 * A channel's digest window in the records table, one item per channel (`DIGEST#<channel>` /
 * `pending`), written with single atomic updates: `list_append` adds an event, `ADD` counts it,
 * `if_not_exists` opens the window on the first; taking the window is one `DeleteItem` returning
 * what it deleted, so an event added after the take opens the next window instead of being lost.
 * No read-modify-write, so a burst of concurrent events never races.
 */
export class DynamoDigestStore implements DigestStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  async add(input: { channel: string; item: DigestItem; windowId: string; now: Date; correlationId: string }) {
    const at = input.now.toISOString();
    const opening = {
      ':wid': input.windowId,
      ':at': at,
      ':kind': 'delivery',
      ':corr': input.correlationId,
      ':gsi1pk': correlationKey(input.correlationId),
      ':gsi1sk': sortKey(at, 'delivery', `digest-${input.windowId}`),
      ':ttl': ttlAfter(at, deliveryTtlDays),
      ':one': 1,
    };
    const opened =
      '#wid = if_not_exists(#wid, :wid), #openedAt = if_not_exists(#openedAt, :at), #at = if_not_exists(#at, :at), ' +
      '#kind = :kind, #id = if_not_exists(#id, :wid), #corr = if_not_exists(#corr, :corr), ' +
      '#g1p = if_not_exists(#g1p, :gsi1pk), #g1s = if_not_exists(#g1s, :gsi1sk), #ttl = :ttl';
    let attributes: Record<string, unknown> | undefined;
    try {
      const output = await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: notifyRecordKeys.digest(input.channel),
          UpdateExpression: `SET #items = list_append(if_not_exists(#items, :empty), :item), ${opened} ADD #count :one`,
          ConditionExpression: 'attribute_not_exists(#count) OR #count < :max',
          ExpressionAttributeNames: { ...NAMES, '#items': 'items' },
          ExpressionAttributeValues: { ...opening, ':empty': [], ':item': [input.item], ':max': MAX_DIGEST_ITEMS },
          ReturnValues: 'ALL_NEW',
        }),
      );
      attributes = output.Attributes;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const output = await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: notifyRecordKeys.digest(input.channel),
          UpdateExpression: `SET ${opened} ADD #count :one, #omitted :one`,
          ExpressionAttributeNames: { ...NAMES, '#omitted': 'omitted' },
          ExpressionAttributeValues: opening,
          ReturnValues: 'ALL_NEW',
        }),
      );
      attributes = output.Attributes;
    }
    return {
      opened: attributes?.count === 1,
      windowId: String(attributes?.windowId),
      openedAt: String(attributes?.openedAt),
    };
  }

  async take(channel: string, windowId: string): Promise<DigestWindow | undefined> {
    try {
      const output = await this.#client.send(
        new DeleteCommand({
          TableName: this.#tableName,
          Key: notifyRecordKeys.digest(channel),
          ConditionExpression: '#wid = :wid',
          ExpressionAttributeNames: { '#wid': 'windowId' },
          ExpressionAttributeValues: { ':wid': windowId },
          ReturnValues: 'ALL_OLD',
        }),
      );
      const old = output.Attributes;
      if (old === undefined) return undefined;
      return {
        windowId,
        openedAt: String(old.openedAt),
        items: (old.items ?? []) as DigestItem[],
        omitted: Number(old.omitted ?? 0),
      };
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }
}
