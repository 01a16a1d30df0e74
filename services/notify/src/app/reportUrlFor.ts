import { reportHandledFailure } from '@fleet/shared';
import { REPORTS_PREFIX, signReportLink } from '../domain/reportLink.js';
import type { NotifyPorts } from './ports.js';

/**
 * The signed fleet link to a report, or `undefined` (with a warning trace) when links cannot be
 * made here: no reports base URL, no signing secret, or a key outside `reports/`. A message
 * without its link is still worth sending.
 */
export const reportUrlFor = async (
  reportKey: string | undefined,
  correlationId: string,
  ports: Pick<NotifyPorts, 'secrets' | 'clock' | 'reportsBaseUrl' | 'logger' | 'metrics'>,
): Promise<string | undefined> => {
  if (reportKey === undefined) return undefined;
  const why =
    ports.reportsBaseUrl === undefined
      ? 'REPORTS_BASE_URL is not set'
      : !reportKey.startsWith(REPORTS_PREFIX)
        ? `the report key is not under ${REPORTS_PREFIX}`
        : undefined;
  try {
    if (why !== undefined) throw new Error(why);
    const key = await ports.secrets.reportLinkKey();
    if (key === undefined) throw new Error('secrets.slackSigningSecret is not configured');
    return signReportLink({ baseUrl: ports.reportsBaseUrl as string, reportKey, key, now: ports.clock.now() });
  } catch (error) {
    reportHandledFailure(ports, {
      step: 'ReportLinkUnavailable',
      message: 'sending without a report link',
      correlationId,
      error,
      level: 'warn',
      details: { reportKey },
    });
    return undefined;
  }
};
