import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { broadStatements } from './iamPolicy';
import { repoRoot, type Template } from './packagedStacks';

// Packages the drift-monitor stack alone (the same script as `pnpm package`, about 10 s) and
// checks what CloudFormation would receive.

type Statement = { Action: string[]; Resource: unknown; Condition?: Record<string, Record<string, string[]>> };

let template: Template;

beforeAll(() => {
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'package-all.mjs'), 'dev', 'services/drift-monitor'], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const file = path.join(
    repoRoot,
    'services',
    'drift-monitor',
    '.serverless',
    'cloudformation-template-update-stack.json',
  );
  template = JSON.parse(readFileSync(file, 'utf8')) as Template;
}, 120_000);

const ofType = (type: string) => Object.entries(template.Resources).filter(([, r]) => r.Type === type);
const propertiesOf = (resource: { Properties?: Record<string, unknown> }): Record<string, unknown> =>
  resource.Properties ?? {};
const checkRole = () => {
  const [[, fn]] = ofType('AWS::Lambda::Function');
  const role = propertiesOf(fn).Role as { 'Fn::GetAtt': string[] };
  const roleId = role['Fn::GetAtt'][0];
  return template.Resources[roleId];
};
const statements = (): Statement[] =>
  (propertiesOf(checkRole()).Policies as { PolicyDocument: { Statement: Statement[] } }[]).flatMap(
    (p) => p.PolicyDocument.Statement,
  );
const withAction = (action: string) => statements().filter((s) => ([] as string[]).concat(s.Action).includes(action));
const bucketSuffixes = (resource: unknown): string[] =>
  ([] as unknown[])
    .concat(resource)
    .map((r) => {
      const join = (r as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
      const base = join?.[1][0] as { 'Fn::ImportValue'?: string } | undefined;
      return base?.['Fn::ImportValue'] === 'fleet-dev-DataBucketArn'
        ? String(join?.[1][1])
        : `unexpected ${JSON.stringify(r)}`;
    })
    .sort();

describe('the drift-monitor stack', () => {
  it('has one check function with its own role, a full vCPU and five minutes', () => {
    // Act
    const functions = ofType('AWS::Lambda::Function');

    // Assess
    expect(functions).toHaveLength(1);
    const [[, fn]] = functions;
    expect(fn.Properties).toMatchObject({ MemorySize: 1769, Timeout: 300 });
    expect((propertiesOf(fn).Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({
      DATA_BUCKET_NAME: { 'Fn::ImportValue': 'fleet-dev-DataBucketName' },
      RECORDS_TABLE_NAME: { 'Fn::ImportValue': 'fleet-dev-RecordsTableName' },
      EVENT_BUS_NAME: { 'Fn::ImportValue': 'fleet-dev-EventBusName' },
    });
    expect(checkRole().Type).toBe('AWS::IAM::Role');
  });

  it('scopes S3 to the capture, ground-truth, training-data, evaluation and report prefixes and SageMaker to the model package group', () => {
    // Act
    const [list] = withAction('s3:ListBucket');

    // Assess
    expect(list.Resource).toEqual({ 'Fn::ImportValue': 'fleet-dev-DataBucketArn' });
    expect(list.Condition?.StringLike['s3:prefix']).toEqual(['capture/churn/AllTraffic/*', 'ground-truth/churn/*']);
    expect(withAction('s3:GetObject').flatMap((s) => bucketSuffixes(s.Resource))).toEqual([
      '/capture/churn/AllTraffic/*',
      '/evaluation/*',
      '/ground-truth/churn/*',
      '/raw/churn/*',
    ]);
    expect(withAction('s3:PutObject').flatMap((s) => bucketSuffixes(s.Resource))).toEqual(['/reports/drift/*']);
    expect(withAction('sagemaker:DescribeModelPackage').flatMap((s) => s.Resource as unknown[])).toEqual([
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub string, not a template
      { 'Fn::Sub': 'arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:model-package/churn/*' },
    ]);
    expect(withAction('dynamodb:PutItem').map((s) => s.Resource)).toEqual([
      { 'Fn::ImportValue': 'fleet-dev-RecordsTableArn' },
    ]);
    expect(
      statements()
        .flatMap((s) => s.Action)
        .filter((a) => a.includes('*')),
    ).toEqual([]);
    expect(broadStatements('checkDrift', checkRole().Properties ?? {})).toEqual([]);
  });

  it('runs the check on each model schedule with a retry policy and a dead-letter queue, and an on-failure destination', () => {
    // Act
    const rules = ofType('AWS::Events::Rule').map(([, r]) => r.Properties as Record<string, unknown>);
    const [[, invokeConfig]] = ofType('AWS::Lambda::EventInvokeConfig');

    // Assess
    expect(rules.map((r) => r.ScheduleExpression)).toEqual(['rate(1 day)']);
    const [target] = rules[0].Targets as Record<string, { InputTemplate?: string }>[];
    expect(target).toMatchObject({
      RetryPolicy: { MaximumRetryAttempts: 24 },
      DeadLetterConfig: { Arn: { 'Fn::ImportValue': 'fleet-dev-DeadLetterQueueArn' } },
    });
    expect(target.InputTransformer.InputTemplate).toContain('"model":"churn"');
    expect(invokeConfig.Properties).toMatchObject({
      DestinationConfig: { OnFailure: { Destination: { 'Fn::ImportValue': 'fleet-dev-DeadLetterQueueArn' } } },
    });
  });
});
