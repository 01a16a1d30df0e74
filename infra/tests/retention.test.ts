import { packageStacks, repoRoot, type Template } from './packagedStacks';

// Packages the core stack for two stages (once each per jest run) and checks how long the data
// bucket keeps what the fleet writes, that it answers over TLS only, and what is encrypted.

type Rule = {
  Id?: string;
  Status?: string;
  Prefix?: string;
  Filter?: { Prefix?: string };
  ExpirationInDays?: number;
  NoncurrentVersionExpiration?: { NoncurrentDays?: number };
  NoncurrentVersionExpirationInDays?: number;
};
type Statement = {
  Effect: string;
  Principal: unknown;
  Action: string | string[];
  Resource: unknown[];
  Condition?: Record<string, Record<string, string>>;
};

const PREFIXES = ['capture/', 'ground-truth/', 'profiles/', 'reports/'];

let dev: Template;

beforeAll(() => {
  dev = packageStacks('dev', [repoRoot]).get('.') as Template;
}, 600_000);

const propertiesOf = (template: Template, id: string): Record<string, unknown> => {
  const resource = template.Resources[id];
  if (resource === undefined) throw new Error(`no resource ${id} in the packaged core stack`);
  return resource.Properties ?? {};
};

const rulesOf = (template: Template): Rule[] =>
  ((propertiesOf(template, 'DataBucket').LifecycleConfiguration as { Rules?: Rule[] } | undefined)?.Rules ??
    []) as Rule[];

const prefixOf = (rule: Rule): string | undefined => rule.Prefix ?? rule.Filter?.Prefix;

const ruleFor = (template: Template, prefix: string): Rule | undefined =>
  rulesOf(template).find((rule) => rule.Status === 'Enabled' && prefixOf(rule) === prefix);

describe('the data bucket', () => {
  it.each(PREFIXES)('expires what is under %s, current and noncurrent versions', (prefix) => {
    // Act
    const rule = ruleFor(dev, prefix);

    // Assess
    expect(rule).toBeDefined();
    expect(Number.isInteger(rule?.ExpirationInDays)).toBe(true);
    expect(rule?.ExpirationInDays).toBeGreaterThan(0);
    const noncurrent = rule?.NoncurrentVersionExpiration?.NoncurrentDays ?? rule?.NoncurrentVersionExpirationInDays;
    expect(Number.isInteger(noncurrent)).toBe(true);
    expect(noncurrent).toBeGreaterThan(0);
  });

  it('keeps the datasets runs were trained on: no rule expires raw/ or the whole bucket', () => {
    // Act
    const touchingRaw = rulesOf(dev).filter((rule) => 'raw/'.startsWith(prefixOf(rule) ?? ''));

    // Assess
    expect(propertiesOf(dev, 'DataBucket').VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(touchingRaw).toEqual([]);
  });

  it('takes its days per stage: the defaults, and a stage that sets its own', () => {
    // Act
    const prod = packageStacks('prod', [repoRoot]).get('.') as Template;
    // Leave the core stack packaged for dev, as the other stack tests read it.
    dev = packageStacks('dev', [repoRoot]).get('.') as Template;

    // Assess: params.prod.captureRetentionDays in serverless.yml, the default elsewhere.
    expect(ruleFor(dev, 'capture/')?.ExpirationInDays).toBe(90);
    expect(ruleFor(prod, 'capture/')?.ExpirationInDays).toBe(180);
    expect(ruleFor(prod, 'reports/')?.ExpirationInDays).toBe(ruleFor(dev, 'reports/')?.ExpirationInDays);
  }, 600_000);

  it('refuses any request not made over TLS', () => {
    // Prepare
    const policies = Object.values(dev.Resources)
      .filter((resource) => resource.Type === 'AWS::S3::BucketPolicy')
      .map((resource) => resource.Properties ?? {})
      .filter((properties) => JSON.stringify(properties.Bucket) === JSON.stringify({ Ref: 'DataBucket' }));

    // Act
    const statements = policies.flatMap(
      (properties) => (properties.PolicyDocument as { Statement: Statement[] }).Statement,
    );
    const denyPlainHttp = statements.find(
      (s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false',
    );

    // Assess
    expect(policies).toHaveLength(1);
    expect(denyPlainHttp).toBeDefined();
    expect(denyPlainHttp?.Principal).toBe('*');
    expect(denyPlainHttp?.Action).toBe('s3:*');
    expect(denyPlainHttp?.Resource).toEqual([
      { 'Fn::GetAtt': ['DataBucket', 'Arn'] },
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub template
      { 'Fn::Sub': '${DataBucket.Arn}/*' },
    ]);
  });

  it('encrypts at rest: the bucket by default, the records table and the queue', () => {
    // Assess
    expect(propertiesOf(dev, 'DataBucket').BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(propertiesOf(dev, 'RecordsTable').SSESpecification).toEqual({ SSEEnabled: true });
    expect(propertiesOf(dev, 'DeadLetterQueue').SqsManagedSseEnabled).toBe(true);
  });
});
