import type { Shape, StructureShape } from '../http/checkShape.js';
import type { XmlValue } from '../sns/awsQuery.js';

type Json = Record<string, unknown>;

const hasPrefix = (params: URLSearchParams, prefix: string): boolean => {
  for (const key of params.keys()) if (key === prefix || key.startsWith(`${prefix}.`)) return true;
  return false;
};

const decode = (shape: Shape, params: URLSearchParams, key: string): unknown => {
  switch (shape.type) {
    case 'structure': {
      const out: Json = {};
      for (const [name, member] of Object.entries(shape.members)) {
        const value = decode(member, params, key === '' ? name : `${key}.${name}`);
        if (value !== undefined) out[name] = value;
      }
      return key === '' || Object.keys(out).length > 0 ? out : undefined;
    }
    case 'list': {
      if (!hasPrefix(params, `${key}.member`)) return params.has(key) ? [] : undefined;
      const items: unknown[] = [];
      for (let index = 1; hasPrefix(params, `${key}.member.${index}`); index++) {
        items.push(decode(shape.member, params, `${key}.member.${index}`));
      }
      return items;
    }
    case 'integer':
      return params.has(key) ? Number(params.get(key)) : undefined;
    case 'boolean':
      return params.has(key) ? params.get(key) === 'true' : undefined;
    case 'timestamp':
      return params.has(key) ? Date.parse(params.get(key) as string) / 1000 : undefined;
    case 'any': {
      if (!params.has(key)) return undefined;
      const text = params.get(key) as string;
      return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
    }
    default:
      return params.get(key) ?? undefined;
  }
};

/**
 * The JSON input of an awsQuery request (`AlarmNames.member.1=...&Dimensions.member.1.Name=...`),
 * read along the operation's input shape, as the older clients (AWS CLI before the JSON
 * protocol) send CloudWatch requests.
 */
export const decodeQueryInput = (shape: StructureShape, params: URLSearchParams): Json =>
  decode(shape, params, '') as Json;

/**
 * A JSON answer as awsQuery XML content: lists as `<member>`s, booleans and numbers as text,
 * `...Timestamp` members (epoch seconds in JSON) as ISO 8601.
 */
export const toQueryXmlValue = (value: unknown, name = ''): XmlValue => {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map((item) => toQueryXmlValue(item));
  if (typeof value === 'number')
    return name.endsWith('Timestamp') ? new Date(value * 1000).toISOString() : String(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Json).map(([key, child]) => [key, toQueryXmlValue(child, key)] as const),
    );
  }
  return String(value);
};
