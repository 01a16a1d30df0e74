import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a report link stays valid unless told otherwise: 30 days. */
export const DEFAULT_REPORT_LINK_DAYS = 30;

/** The S3 prefix every linkable report lives under; the route maps `/reports/<rest>` to `reports/<rest>`. */
export const REPORTS_PREFIX = 'reports/';

const signature = (key: Buffer, reportKey: string, expires: number): string =>
  createHmac('sha256', key).update(`fleet-report-link\n${reportKey}\n${expires}`).digest('base64url');

/**
 * A fleet link to a report: `<base>/reports/<rest of the key>?expires=<epoch s>&signature=<HMAC>`.
 *
 * A presigned S3 URL dies with the Lambda's session credentials (hours), so a Slack message
 * links the fleet's own route instead, which checks this signature and expiry and redirects to
 * a fresh presigned URL. The HMAC covers the key and the expiry, so neither can be changed.
 *
 * @throws RangeError when the key is not under `reports/`
 */
export const signReportLink = (input: {
  baseUrl: string;
  reportKey: string;
  key: Buffer;
  now: Date;
  validDays?: number;
}): string => {
  if (!input.reportKey.startsWith(REPORTS_PREFIX)) {
    throw new RangeError(`report key "${input.reportKey}" is not under ${REPORTS_PREFIX}`);
  }
  const expires = Math.floor(input.now.getTime() / 1000) + (input.validDays ?? DEFAULT_REPORT_LINK_DAYS) * 86_400;
  const rest = input.reportKey.slice(REPORTS_PREFIX.length).split('/').map(encodeURIComponent).join('/');
  const query = new URLSearchParams({
    expires: String(expires),
    signature: signature(input.key, input.reportKey, expires),
  });
  return `${input.baseUrl.replace(/\/+$/, '')}/reports/${rest}?${query}`;
};

/** Why a report link was refused. */
export type ReportLinkRefusal = 'malformed' | 'expired' | 'bad-signature';

/**
 * Checks a report link's signature and expiry; the report key when it holds, else why not.
 *
 * The comparison is constant-time. The expiry is checked after the signature, so a forged
 * expiry is a bad signature, not an expired link.
 */
export const verifyReportLink = (input: {
  /** The path parameter after `/reports/`, as the route received it (decoded). */
  path: string;
  expires?: string;
  signature?: string;
  key: Buffer;
  now: Date;
}): { ok: true; reportKey: string } | { ok: false; why: ReportLinkRefusal } => {
  if (input.expires === undefined || input.signature === undefined || !/^\d{1,12}$/.test(input.expires)) {
    return { ok: false, why: 'malformed' };
  }
  if (input.path.length === 0 || input.path.split('/').some((part) => part === '..' || part === '.')) {
    return { ok: false, why: 'malformed' };
  }
  const reportKey = `${REPORTS_PREFIX}${input.path}`;
  const expected = Buffer.from(signature(input.key, reportKey, Number(input.expires)));
  const given = Buffer.from(input.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, why: 'bad-signature' };
  if (Number(input.expires) * 1000 <= input.now.getTime()) return { ok: false, why: 'expired' };
  return { ok: true, reportKey };
};

/**
 * The key report links are signed with, derived from a fleet secret (the Slack signing secret)
 * for this one purpose, so a link signature can never stand for a Slack signature or the reverse.
 */
export const reportLinkKey = (secret: string): Buffer =>
  createHmac('sha256', secret).update('fleet report links v1').digest();
