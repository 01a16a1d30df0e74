const UNRESERVED = /[A-Za-z0-9.\-_*/]/;

/**
 * Encodes an object key the way S3 writes it into event notifications.
 *
 * S3 form-encodes keys in its events: a space becomes `+`, letters, digits, `.`, `-`, `_`,
 * `*` and the `/` separators stay as they are, and every other character is percent-encoded
 * as UTF-8 (`red flower+:é.csv` arrives as `red+flower%2B%3A%C3%A9.csv`). Consumers decode with
 * `decodeS3Key` from `@fleet/shared`, which is the inverse.
 *
 * @example
 * encodeS3EventKey('incoming/red flower+:é.csv') // 'incoming/red+flower%2B%3A%C3%A9.csv'
 */
export const encodeS3EventKey = (key: string): string => {
  let out = '';
  for (const character of key) {
    if (character === ' ') out += '+';
    else if (UNRESERVED.test(character)) out += character;
    else
      out += Array.from(
        Buffer.from(character, 'utf8'),
        (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
      ).join('');
  }
  return out;
};
