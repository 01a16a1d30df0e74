const KEY_FIELDS = new Set(['pk', 'sk']);

/**
 * Checks the changes of a record update.
 *
 * @throws RangeError when there is no change or a change touches `pk` or `sk` (a key is the
 * record's identity: move a record by writing a new one)
 */
export const assertChanges = (changes: Record<string, unknown>): void => {
  const fields = Object.keys(changes);
  if (fields.length === 0) throw new RangeError('update needs at least one change');
  const keyField = fields.find((field) => KEY_FIELDS.has(field));
  if (keyField !== undefined) throw new RangeError(`update cannot change the key field "${keyField}"`);
};
