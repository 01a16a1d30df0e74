import { reportLinkKey, signReportLink, verifyReportLink } from '../../../src/domain/reportLink.js';

const key = reportLinkKey('signing-secret');
const now = new Date('2026-03-02T12:00:00Z');

const parse = (link: string) => {
  const url = new URL(link);
  return {
    path: decodeURIComponent(url.pathname.replace(/^\/reports\//, '')),
    expires: url.searchParams.get('expires') ?? undefined,
    signature: url.searchParams.get('signature') ?? undefined,
  };
};

describe('report links', () => {
  const link = signReportLink({
    baseUrl: 'https://api.example.com/',
    reportKey: 'reports/churn/2026 03 02.html',
    key,
    now,
  });

  it('signs a link valid for 30 days and accepts it until then', () => {
    // Act
    const valid = verifyReportLink({ ...parse(link), key, now: new Date('2026-03-31T12:00:00Z') });
    const expired = verifyReportLink({ ...parse(link), key, now: new Date('2026-04-01T12:00:01Z') });

    // Assess
    expect(link).toMatch(/^https:\/\/api\.example\.com\/reports\/churn\/2026%2003%2002\.html\?expires=\d+&signature=/);
    expect(valid).toEqual({ ok: true, reportKey: 'reports/churn/2026 03 02.html' });
    expect(expired).toEqual({ ok: false, why: 'expired' });
  });

  it.each([
    ['another key', (p: ReturnType<typeof parse>) => ({ ...p, path: 'churn/other.html' })],
    ['a later expiry', (p: ReturnType<typeof parse>) => ({ ...p, expires: String(Number(p.expires) + 86_400) })],
    ['another signature', (p: ReturnType<typeof parse>) => ({ ...p, signature: `${p.signature?.slice(0, -2)}AA` })],
  ])('refuses a link with %s', (_what, tamper) => {
    // Act
    const verdict = verifyReportLink({ ...tamper(parse(link)), key, now });

    // Assess
    expect(verdict).toEqual({ ok: false, why: 'bad-signature' });
  });

  it('refuses a link signed with another secret, a missing signature and a path that climbs', () => {
    // Act
    const otherSecret = verifyReportLink({ ...parse(link), key: reportLinkKey('other'), now });
    const unsigned = verifyReportLink({ ...parse(link), signature: undefined, key, now });
    const climbing = verifyReportLink({ ...parse(link), path: '../secrets.txt', key, now });

    // Assess
    expect([otherSecret, unsigned, climbing]).toEqual([
      { ok: false, why: 'bad-signature' },
      { ok: false, why: 'malformed' },
      { ok: false, why: 'malformed' },
    ]);
  });

  it('throws for a key outside reports/', () => {
    expect(() => signReportLink({ baseUrl: 'https://x', reportKey: 'raw/churn/a.csv', key, now })).toThrow(RangeError);
  });
});
