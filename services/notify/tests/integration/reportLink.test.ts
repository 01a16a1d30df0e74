import { reportDependencies } from '../../src/adapters/dependencies/reportDependencies.js';
import { reportLinkKey, signReportLink } from '../../src/domain/reportLink.js';
import { createReportLinkHandler } from '../../src/handlers/reportLink.js';
import { FixedClock } from '../support/fakes.js';
import { lambdaContext, notifyHarnessPerTest, SECRETS } from '../support/notifyHarness.js';

const harness = notifyHarnessPerTest();

/** An HTTP API (payload 2.0) GET of a report link. */
const request = (link: string) => {
  const url = new URL(link);
  const key = url.pathname.replace(/^\/reports\//, '');
  return {
    version: '2.0',
    routeKey: 'GET /reports/{key+}',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers: { host: url.host },
    queryStringParameters: Object.fromEntries(url.searchParams),
    pathParameters: { key: decodeURIComponent(key) },
    requestContext: {
      http: { method: 'GET', path: url.pathname, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: 'api-req-1',
      routeKey: 'GET /reports/{key+}',
      stage: '$default',
      time: '02/Mar/2026:12:00:00 +0000',
      timeEpoch: 1_772_452_800_000,
      accountId: '123456789012',
      apiId: 'api',
      domainName: url.host,
      domainPrefix: 'api',
    },
    isBase64Encoded: false,
  };
};

describe('report links (HTTP API route, fake SSM, offline presigning)', () => {
  const now = new Date('2026-03-02T12:00:00Z');
  const link = signReportLink({
    baseUrl: 'https://reports.fleet.test',
    reportKey: 'reports/churn/2026-03-02T12-00-00Z.html',
    key: reportLinkKey(SECRETS.signingSecret),
    now,
  });
  const handler = (clock: FixedClock) => {
    const dependencies = reportDependencies(
      { ...harness.env, DATA_BUCKET_NAME: 'fleet-test-data', AWS_S3_FORCE_PATH_STYLE: 'true' },
      { clock },
    );
    return createReportLinkHandler(() => dependencies);
  };

  it('redirects a valid link to a fresh presigned URL of the report', async () => {
    // Act
    const response = await handler(new FixedClock('2026-03-20T12:00:00Z'))(request(link), lambdaContext('h1'));

    // Assess
    expect(response.statusCode).toBe(302);
    const location = new URL(String(response.headers?.location));
    expect(location.pathname).toBe('/fleet-test-data/reports/churn/2026-03-02T12-00-00Z.html');
    expect(location.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(location.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['a tampered key', link.replace('2026-03-02T12-00-00Z.html', '2026-03-01T12-00-00Z.html'), '2026-03-03T12:00:00Z'],
    [
      'a tampered expiry',
      link.replace(/expires=(\d+)/, (_m, e) => `expires=${Number(e) + 86_400}`),
      '2026-03-03T12:00:00Z',
    ],
    ['an expired link', link, '2026-04-02T12:00:00Z'],
    ['no signature', link.replace(/&signature=.*$/, ''), '2026-03-03T12:00:00Z'],
  ])('answers 403 to %s', async (_what, tampered, at) => {
    // Act
    const response = await handler(new FixedClock(at))(request(tampered), lambdaContext('h2'));

    // Assess
    expect(response.statusCode).toBe(403);
    expect(response.headers?.location).toBeUndefined();
  });
});
