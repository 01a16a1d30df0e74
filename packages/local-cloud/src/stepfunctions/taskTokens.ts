import { randomBytes } from 'node:crypto';

const MAGIC = Buffer.from('LOCALSFN');
const ID_BYTES = 16;
// 8 + 16 + 478 = 502 bytes, one more than a multiple of 3: the base64 (672 characters) ends in `==`.
const PADDING_BYTES = 478;

/** A task token as the local Step Functions issues them, and the id it stands for. */
export type IssuedToken = { token: string; id: string };

/**
 * Issues a task token shaped like Step Functions' own: 672 characters of standard base64,
 * so it holds `+`, `/` and `=` (callers must store or encode it with that in mind), with an id
 * inside that `tokenId` reads back.
 */
export const issueTaskToken = (): IssuedToken => {
  const id = randomBytes(ID_BYTES);
  const token = Buffer.concat([MAGIC, id, randomBytes(PADDING_BYTES)]).toString('base64');
  return { token, id: id.toString('hex') };
};

/**
 * The id inside a token this stand-in issued, or undefined for a string that is not one (what
 * Step Functions answers with `InvalidToken`).
 */
export const tokenId = (token: string): string | undefined => {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(token)) return undefined;
  const bytes = Buffer.from(token, 'base64');
  if (bytes.length < MAGIC.length + ID_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  return bytes.subarray(MAGIC.length, MAGIC.length + ID_BYTES).toString('hex');
};
