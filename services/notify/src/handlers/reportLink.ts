import { httpHandler } from '@fleet/shared';
import { defaultReportDependencies, type ReportDependencies } from '../adapters/dependencies/reportDependencies.js';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import { openReport } from '../app/openReport.js';

const decoded = (path: string): string => {
  try {
    return path.split('/').map(decodeURIComponent).join('/');
  } catch {
    return path;
  }
};

/**
 * Builds the `GET /reports/{key+}` handler: a signed, unexpired link is redirected (302) to a
 * fresh presigned URL of `reports/<key>`; anything else is answered 403.
 */
export const createReportLinkHandler = (dependencies: () => ReportDependencies = defaultReportDependencies) =>
  httpHandler({
    service: serviceName,
    handler: async (request, context) => {
      const { location, reportKey } = await openReport(
        {
          path: decoded(request.pathParameters.key ?? ''),
          expires: request.query.expires,
          signature: request.query.signature,
        },
        dependencies(),
      );
      context.logger.info('report link opened', { reportKey });
      return { statusCode: 302, headers: { location, 'cache-control': 'no-store' }, body: '' };
    },
  });

/** Lambda entry point for the report links of Slack messages and PagerDuty incidents. */
export const handler = createReportLinkHandler();
