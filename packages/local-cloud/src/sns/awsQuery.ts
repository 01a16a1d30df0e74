import { randomUUID } from 'node:crypto';
import type { AwsServiceError } from '../http/AwsServiceError.js';
import type { HttpResponse } from '../http/startHttpServer.js';

/** The XML namespace of SNS answers. */
export const SNS_XML_NAMESPACE = 'http://sns.amazonaws.com/doc/2010-03-31/';

/** Escapes text for an XML element. */
export const escapeXml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** A value to write as XML: text, a list of `member`s, an ordered list of named children, or nothing. */
export type XmlValue = string | XmlValue[] | { [name: string]: XmlValue | undefined } | undefined;

/** Writes a value as XML elements (lists as `<member>` items, as the awsQuery protocol lists them). */
export const toXml = (value: XmlValue): string => {
  if (value === undefined) return '';
  if (typeof value === 'string') return escapeXml(value);
  if (Array.isArray(value)) return value.map((item) => `<member>${toXml(item)}</member>`).join('');
  return Object.entries(value)
    .filter((entry) => entry[1] !== undefined)
    .map(([name, child]) => `<${name}>${toXml(child)}</${name}>`)
    .join('');
};

/** Writes a map (e.g. topic attributes) as awsQuery writes maps: `<entry><key/><value/></entry>`. */
export const mapEntries = (map: Record<string, string>): string =>
  Object.entries(map)
    .map(([key, value]) => `<entry><key>${escapeXml(key)}</key><value>${escapeXml(value)}</value></entry>`)
    .join('');

/**
 * The answer of an awsQuery action: `<{Action}Response><{Action}Result>...</{Action}Result>`
 * with the request id under `ResponseMetadata`, as SNS writes it.
 */
export const awsQueryResponse = (action: string, result: string, namespace = SNS_XML_NAMESPACE): HttpResponse => ({
  status: 200,
  headers: { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() },
  body:
    `<${action}Response xmlns="${namespace}"><${action}Result>${result}</${action}Result>` +
    `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`,
});

/**
 * An awsQuery error: `<ErrorResponse><Error><Type>Sender</Type><Code/><Message/></Error><RequestId/>`
 * with the error's status; the SDK throws the exception registered for the code.
 */
export const awsQueryErrorResponse = (error: AwsServiceError, namespace = SNS_XML_NAMESPACE): HttpResponse => {
  const requestId = randomUUID();
  return {
    status: error.statusCode,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body:
      `<ErrorResponse xmlns="${namespace}"><Error><Type>${error.statusCode >= 500 ? 'Receiver' : 'Sender'}</Type>` +
      `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
      `<RequestId>${requestId}</RequestId></ErrorResponse>`,
  };
};

/**
 * The parameters of a form-encoded awsQuery request (`Action=Publish&TopicArn=...`), and the
 * maps in it: `MessageAttributes.entry.1.Name` with `MessageAttributes.entry.1.Value.DataType`
 * become `{ Name: { DataType } }`.
 */
export const readQueryMap = (
  params: URLSearchParams,
  prefix: string,
): Record<string, Record<string, string>> | undefined => {
  const map: Record<string, Record<string, string>> = {};
  for (let index = 1; params.has(`${prefix}.entry.${index}.Name`); index++) {
    const entry = `${prefix}.entry.${index}`;
    const value: Record<string, string> = {};
    for (const [key, item] of params) {
      if (key.startsWith(`${entry}.Value.`)) value[key.slice(`${entry}.Value.`.length)] = item;
    }
    map[params.get(`${entry}.Name`) as string] = value;
  }
  return Object.keys(map).length === 0 ? undefined : map;
};
