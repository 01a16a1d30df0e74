/** An IP address as a number, with its family. */
export type IpAddress = { family: 4 | 6; value: bigint };

/** An inclusive range of addresses of one family, as a CIDR block describes it. */
export type IpRange = { family: 4 | 6; first: bigint; last: bigint };

const parseIpv4 = (text: string): bigint | undefined => {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
};

const parseIpv6 = (text: string): bigint | undefined => {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  let head = text;
  let tailIpv4: bigint | undefined;
  // An embedded IPv4 address takes the last 32 bits (e.g. ::ffff:10.0.0.1).
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    tailIpv4 = parseIpv4(text.slice(lastColon + 1));
    if (tailIpv4 === undefined) return undefined;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const toGroups = (part: string) => (part === '' ? [] : part.split(':'));
  const left = toGroups(halves[0]);
  const right = halves.length === 2 ? toGroups(halves[1]) : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(Number.parseInt(group, 16));
  }
  if (tailIpv4 !== undefined) value = (value & ~0xffffffffn) | tailIpv4;
  return value;
};

/** Parses an IPv4 or IPv6 address; undefined when the text is not one. */
export const parseIpAddress = (text: string): IpAddress | undefined => {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = text.includes(':') ? parseIpv6(text) : undefined;
  return v6 === undefined ? undefined : { family: 6, value: v6 };
};

/**
 * Parses a CIDR block (`10.0.0.0/24`, `2001:db8::/32`) into the range of addresses it covers.
 *
 * Returns the AWS-worded reason when the block is malformed, so the pattern validator can report it
 * as EventBridge does.
 */
export const parseCidr = (text: string): IpRange | { error: string } => {
  const parts = text.split('/');
  if (parts.length !== 2) return { error: "Malformed CIDR, one '/' required" };
  const [addressText, bitsText] = parts;
  if (!/^[0-9]+$/.test(bitsText)) return { error: 'Malformed CIDR, mask bits must be an integer' };
  const address = parseIpAddress(addressText);
  if (address === undefined) return { error: `Nonstandard IP address: ${addressText}` };
  const width = address.family === 4 ? 32 : 128;
  const bits = Number(bitsText);
  if (bits > width) return { error: `Malformed CIDR, mask bits must be between 0 and ${width}` };
  const hostBits = BigInt(width - bits);
  const hostMask = (1n << hostBits) - 1n;
  const first = address.value & ~hostMask;
  return { family: address.family, first, last: first | hostMask };
};

/** True when `text` is an IP address inside `range`. */
export const ipInRange = (text: string, range: IpRange): boolean => {
  const address = parseIpAddress(text);
  return (
    address !== undefined &&
    address.family === range.family &&
    address.value >= range.first &&
    address.value <= range.last
  );
};
