import { ForbiddenError } from '@fleet/shared';
import { verifyReportLink } from '../domain/reportLink.js';
import type { Clock, ReportObjects, Secrets } from './ports.js';

/**
 * Opens a report link: checks its signature and expiry and answers with a fresh presigned URL.
 *
 * @throws ForbiddenError (403) for a tampered, expired or malformed link, or when links are not configured
 */
export const openReport = async (
  link: { path: string; expires?: string; signature?: string },
  ports: { secrets: Secrets; reports: ReportObjects; clock: Clock },
): Promise<{ location: string; reportKey: string }> => {
  const key = await ports.secrets.reportLinkKey();
  if (key === undefined) throw new ForbiddenError('report links are not configured');
  const verdict = verifyReportLink({ ...link, key, now: ports.clock.now() });
  if (!verdict.ok) throw new ForbiddenError(`report link refused: ${verdict.why}`);
  return { location: await ports.reports.presignedUrl(verdict.reportKey), reportKey: verdict.reportKey };
};
