import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { broadStatements } from './iamPolicy';
import { repoRoot, type Template } from './packagedStacks';

// Packages the notify stack alone (about 15 s) and checks its generated CloudFormation: what
// each function may do, and that no failure of an asynchronous target is lost.
let template: Template;

beforeAll(() => {
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'package-all.mjs'), 'dev', 'services/notify'], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  template = JSON.parse(
    readFileSync(
      path.join(repoRoot, 'services', 'notify', '.serverless', 'cloudformation-template-update-stack.json'),
      'utf8',
    ),
  ) as Template;
}, 180_000);

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

const resourcesOf = (type: string) =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

/** The statements of a function's own role, without the framework's log statement. */
const statementsOf = (functionId: string): Statement[] => {
  const role = template.Resources[`${functionId}IamRoleLambdaExecution`];
  const policies = (role.Properties?.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[];
  return policies
    .flatMap((p) => p.PolicyDocument.Statement)
    .filter((s) => !([] as string[]).concat(s.Action)[0].startsWith('logs:'));
};

/** What a function may do: action -> resources, as JSON text, for readable expectations. */
const grants = (functionId: string): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const statement of statementsOf(functionId)) {
    for (const action of ([] as string[]).concat(statement.Action)) {
      out[action] = [
        ...(out[action] ?? []),
        ...([] as unknown[]).concat(statement.Resource).map((r) => JSON.stringify(r)),
      ];
    }
  }
  return out;
};

const parameter = (name: string) =>
  JSON.stringify({ 'Fn::Sub': `arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter${name}` });
const records = JSON.stringify({ 'Fn::ImportValue': 'fleet-dev-RecordsTableArn' });
const deadLetters = JSON.stringify({ 'Fn::ImportValue': 'fleet-dev-DeadLetterQueueArn' });
const functions = ['SlackDelivery', 'DigestFire', 'PagerDutyDelivery', 'ReportLink'];

describe('the notify stack', () => {
  it('gives each function its own role, with no wildcard action or unscoped resource', () => {
    // Act
    const problems = functions.flatMap((id) =>
      broadStatements(id, template.Resources[`${id}IamRoleLambdaExecution`].Properties ?? {}),
    );
    const roles = resourcesOf('AWS::Lambda::Function').map(([, fn]) => JSON.stringify(fn.Properties?.Role));

    // Assess
    expect(problems).toEqual([]);
    expect(new Set(roles).size).toBe(functions.length);
  });

  it('lets each function read only its named SSM parameters, and only the report link route read reports/', () => {
    // Act
    const all = Object.fromEntries(functions.map((id) => [id, grants(id)]));

    // Assess
    expect(all.SlackDelivery['ssm:GetParameter'].sort()).toEqual(
      [parameter('/fleet/slack/bot-token'), parameter('/fleet/slack/signing-secret')].sort(),
    );
    expect(all.DigestFire['ssm:GetParameter'].sort()).toEqual(all.SlackDelivery['ssm:GetParameter'].sort());
    expect(all.PagerDutyDelivery['ssm:GetParameter'].sort()).toEqual(
      [
        parameter('/fleet/pagerduty/churn-error'),
        parameter('/fleet/pagerduty/churn-critical'),
        parameter('/fleet/slack/signing-secret'),
      ].sort(),
    );
    expect(all.ReportLink['ssm:GetParameter']).toEqual([parameter('/fleet/slack/signing-secret')]);
    expect(all.ReportLink['s3:GetObject']).toEqual([
      JSON.stringify({ 'Fn::Join': ['', [{ 'Fn::ImportValue': 'fleet-dev-DataBucketArn' }, '/reports/*']] }),
    ]);
    for (const id of ['SlackDelivery', 'DigestFire', 'PagerDutyDelivery']) {
      for (const action of [
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:DeleteItem',
        'dynamodb:Query',
      ]) {
        expect({ id, action, resources: all[id][action] }).toEqual({ id, action, resources: [records] });
      }
      expect(all[id]['s3:GetObject']).toBeUndefined();
    }
    expect(Object.keys(all.ReportLink).filter((action) => action.startsWith('dynamodb:'))).toEqual([]);
    const scheduleArn = `arn:\${AWS::Partition}:scheduler:\${AWS::Region}:\${AWS::AccountId}:schedule/fleet-notify-dev/*`;
    expect(all.SlackDelivery['scheduler:CreateSchedule']).toEqual([JSON.stringify({ 'Fn::Sub': scheduleArn })]);
    expect(all.PagerDutyDelivery['scheduler:CreateSchedule']).toBeUndefined();
  });

  it('gives every EventBridge target a dead-letter queue and a retry policy, and every function an on-failure destination', () => {
    // Act
    const targets = resourcesOf('AWS::Events::Rule').flatMap(
      ([, rule]) =>
        (rule.Properties?.Targets ?? []) as { DeadLetterConfig?: { Arn: unknown }; RetryPolicy?: unknown }[],
    );
    const onFailure = resourcesOf('AWS::Lambda::EventInvokeConfig').map(([, config]) => [
      JSON.stringify(config.Properties?.FunctionName),
      JSON.stringify(
        (config.Properties?.DestinationConfig as { OnFailure: { Destination: unknown } } | undefined)?.OnFailure
          .Destination,
      ),
    ]);

    // Assess
    expect(targets).toHaveLength(2);
    for (const target of targets) {
      expect(JSON.stringify(target.DeadLetterConfig?.Arn)).toBe(deadLetters);
      expect(target.RetryPolicy).toEqual({ MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 24 });
    }
    expect(onFailure).toHaveLength(functions.length);
    for (const [, destination] of onFailure) expect(destination).toBe(deadLetters);
  });

  it('routes GET /reports/{key+} of the HTTP API to the report link function', () => {
    // Act
    const routes = resourcesOf('AWS::ApiGatewayV2::Route').map(([, route]) => route.Properties?.RouteKey);

    // Assess
    expect(routes).toEqual(['GET /reports/{key+}']);
  });

  it('lets the Scheduler role invoke only the digest function and dead-letter what it cannot deliver', () => {
    // Prepare
    const role = template.Resources.DigestSchedulerRole.Properties as {
      Policies: { PolicyDocument: { Statement: Statement[] } }[];
    };

    // Act
    const statements = role.Policies.flatMap((p) => p.PolicyDocument.Statement).map((s) => [
      s.Action,
      JSON.stringify(s.Resource),
    ]);

    // Assess
    expect(statements).toEqual([
      ['lambda:InvokeFunction', JSON.stringify([{ 'Fn::GetAtt': ['DigestFireLambdaFunction', 'Arn'] }])],
      ['sqs:SendMessage', deadLetters],
    ]);
  });
});
