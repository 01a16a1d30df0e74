import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { broadStatements } from './iamPolicy';
import { packageServiceStack, repoRoot, type Template } from './packagedStacks';

// Packages the approval-callback stack (once per jest run, shared with the other infra tests) and checks its
// state machine and its roles.
const serviceDir = path.join(repoRoot, 'services', 'approval-callback');
let template: Template;

// biome-ignore lint/suspicious/noExplicitAny: asl-validator ships no types
const aslValidator = require('asl-validator') as (definition: unknown) => { isValid: boolean; errors: any[] };

beforeAll(() => {
  template = packageServiceStack('approval-callback');
}, 600_000);

type ModelSection = { modelPackageGroup?: string; approval?: { timeoutHours?: number } };

/** The models of fleet.config.yaml, as written (the dev stage overrides none of these sections). */
const fleetConfig = (): { models: Record<string, ModelSection> } =>
  parseYaml(readFileSync(path.join(repoRoot, 'fleet.config.yaml'), 'utf8'));

/** The properties of a resource of the packaged template (none is `{}`). */
const propertiesOf = (id: string): Record<string, unknown> => resource(id).Properties ?? {};

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };
type Role = { Properties: { Policies: { PolicyDocument: { Statement: Statement[] } }[] } };

const resource = (id: string) => {
  const found = template.Resources[id];
  if (found === undefined) throw new Error(`no resource ${id} in the packaged template`);
  return found;
};

/** The packaged definition with each `${placeholder}` replaced by a local ARN, as a deployment would. */
const packagedDefinition = (): Record<string, unknown> => {
  const [text, values] = (
    propertiesOf('ApprovalStateMachine').DefinitionString as { 'Fn::Sub': [string, Record<string, unknown>] }
  )['Fn::Sub'];
  const arnOf = (value: unknown): string => {
    const v = value as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
    if (v.Ref !== undefined) return `arn:aws:sns:eu-west-1:123456789012:${v.Ref}`;
    return `arn:aws:lambda:eu-west-1:123456789012:function:${v['Fn::GetAtt']?.[0]}`;
  };
  const resolved = text.replace(/\$\{([0-9a-f]+)\}/g, (_, key: string) => arnOf(values[key]));
  return JSON.parse(resolved) as Record<string, unknown>;
};

const statementsOf = (roleId: string): Statement[] =>
  (resource(roleId) as unknown as Role).Properties.Policies.flatMap((p) => p.PolicyDocument.Statement);

const actionsOf = (statement: Statement): string[] => ([] as string[]).concat(statement.Action);

const functionIds = [
  'StartApproval',
  'RequestAgain',
  'Compare',
  'ApplyDecision',
  'Expire',
  'RequestApproval',
  'SlackInteraction',
  'Decide',
  'Rollback',
] as const;

describe('the packaged approval-callback stack', () => {
  it('packages a state machine definition that asl-validator accepts', () => {
    // Act
    const result = aslValidator(packagedDefinition());

    // Assess
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
  });

  it('waits for a person with an SNS task token, expires on States.Timeout and continues approvals at the Approved seam', () => {
    // Act
    const states = packagedDefinition().States as Record<string, Record<string, unknown>>;

    // Assess
    const request = states.RequestApproval as Record<string, unknown> & {
      Parameters: { Message: Record<string, unknown> };
    };
    expect(request.Resource).toBe('arn:aws:states:::sns:publish.waitForTaskToken');
    expect(request.Parameters.Message['taskToken.$']).toBe('$$.Task.Token');
    expect(request.Catch).toEqual([{ ErrorEquals: ['States.Timeout'], ResultPath: '$.timeout', Next: 'Expire' }]);
    expect(states.Gate?.Default).toBe('RequestApproval');
    // The approval's own states; an approved package continues at the Approved seam into the deployment.
    expect(states.Approved).toMatchObject({ Type: 'Pass', Next: 'AcquireEndpoint' });
    expect(Object.keys(states)).toEqual(
      expect.arrayContaining([
        'Apply',
        'Approved',
        'Compare',
        'Expire',
        'Expired',
        'Gate',
        'IsApproved',
        'RejectByQualityGate',
        'Rejected',
        'RequestApproval',
      ]),
    );
  });

  it("waits exactly the configured model's approval.timeoutHours", () => {
    // Prepare
    const config = fleetConfig();
    const hours = Object.values(config.models).flatMap((m) =>
      m.approval === undefined ? [] : [m.approval.timeoutHours ?? 24],
    );

    // Act
    const states = packagedDefinition().States as Record<string, { TimeoutSeconds?: number }>;

    // Assess
    expect(hours.map((h) => h * 3600)).toEqual([states.RequestApproval?.TimeoutSeconds]);
  });

  it('starts approvals only for the configured model package groups', () => {
    // Prepare
    const config = fleetConfig();
    const groups = Object.values(config.models).flatMap((m) =>
      m.approval !== undefined && m.modelPackageGroup !== undefined ? [m.modelPackageGroup] : [],
    );
    const stack = parseYaml(readFileSync(path.join(serviceDir, 'serverless.yml'), 'utf8'));

    // Act
    const pattern = stack.functions.startApproval.events[0].eventBridge.pattern;

    // Assess
    expect(pattern.detail.ModelPackageGroupName).toEqual(groups);
    expect(pattern.detail.ModelApprovalStatus).toEqual(['PendingManualApproval']);
  });

  it('gives each function its own role and the state machine one of its own', () => {
    // Act
    const roles = functionIds.map(
      (id) => (propertiesOf(`${id}LambdaFunction`).Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0],
    );
    const machineRole = (propertiesOf('ApprovalStateMachine').RoleArn as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];

    // Assess
    expect(new Set(roles).size).toBe(functionIds.length);
    expect(roles).not.toContain(machineRole);
  });

  it('scopes the state machine role to its three functions and the approvals topic', () => {
    // Act
    const statements = statementsOf('ApprovalStateMachineRole');

    // Assess
    expect(statements.flatMap(actionsOf).sort()).toEqual(['lambda:InvokeFunction', 'sns:Publish']);
    const invoked = JSON.stringify(statements.find((s) => actionsOf(s).includes('lambda:InvokeFunction'))?.Resource);
    for (const fn of ['CompareLambdaFunction', 'ApplyDecisionLambdaFunction', 'ExpireLambdaFunction'])
      expect(invoked).toContain(fn);
    expect(invoked).not.toContain('SlackInteraction');
    expect(statements.find((s) => actionsOf(s).includes('sns:Publish'))?.Resource).toEqual([{ Ref: 'ApprovalsTopic' }]);
  });

  it("scopes model package actions to the group's packages and state machine actions to the approval machine", () => {
    // Prepare
    const scoped: Record<string, RegExp> = {
      'sagemaker:DescribeModelPackage': /:model-package\/churn\/\*$/,
      'sagemaker:UpdateModelPackage': /:model-package\/churn\/\*$/,
      'states:StartExecution': /:stateMachine:fleet-dev-approval$/,
      'states:StopExecution': /:execution:fleet-dev-approval:\*$/,
      'ssm:GetParameter': /:parameter\/fleet\/slack\/signing-secret$/,
    };
    const problems: string[] = [];

    // Act
    for (const id of functionIds) {
      for (const statement of statementsOf(`${id}IamRoleLambdaExecution`)) {
        for (const action of actionsOf(statement)) {
          const pattern = scoped[action];
          if (pattern === undefined) continue;
          const arns = ([] as unknown[])
            .concat(statement.Resource)
            .map((r) => (r as { 'Fn::Sub'?: string })['Fn::Sub'] ?? String(r));
          for (const arn of arns) if (!pattern.test(arn)) problems.push(`${id}: ${action} on ${arn}`);
        }
      }
    }

    // Assess
    expect(problems).toEqual([]);
  });

  it('lets only slackInteraction and decide answer task tokens, and only slackInteraction read the signing secret', () => {
    // Act
    const holders = (action: string) =>
      functionIds.filter((id) =>
        statementsOf(`${id}IamRoleLambdaExecution`).some((s) => actionsOf(s).includes(action)),
      );

    // Assess
    expect(holders('states:SendTaskSuccess')).toEqual(['SlackInteraction', 'Decide']);
    expect(holders('ssm:GetParameter')).toEqual(['SlackInteraction']);
    expect(holders('sagemaker:UpdateModelPackage')).toEqual(['ApplyDecision', 'Expire']);
  });

  it('lets rollback only read the records table and start the approval state machine', () => {
    // Act
    const statements = statementsOf('RollbackIamRoleLambdaExecution');
    const byAction = (action: string) => statements.filter((s) => actionsOf(s).includes(action));

    // Assess
    expect(
      statements
        .flatMap(actionsOf)
        .filter((a) => !a.startsWith('logs:'))
        .sort(),
    ).toEqual(
      [
        'dynamodb:GetItem',
        'dynamodb:Query',
        'sqs:SendMessage',
        'states:StartExecution',
        'xray:PutTelemetryRecords',
        'xray:PutTraceSegments',
      ].sort(),
    );
    expect(byAction('dynamodb:Query').map((s) => s.Resource)).toEqual([
      { 'Fn::ImportValue': 'fleet-dev-RecordsTableArn' },
    ]);
    expect(JSON.stringify(byAction('states:StartExecution').map((s) => s.Resource))).toMatch(
      /:stateMachine:fleet-dev-approval"/,
    );
    expect(propertiesOf('RollbackLambdaFunction').FunctionName).toBe('fleet-approval-callback-dev-rollback');
  });

  it('grants no wildcard action and no unscoped resource where the API supports scoping', () => {
    // Act
    const problems = Object.entries(template.Resources)
      .filter(([, r]) => r.Type === 'AWS::IAM::Role')
      .flatMap(([id, role]) => broadStatements(id, role.Properties ?? {}));

    // Assess
    expect(problems).toEqual([]);
  });

  it('routes POST /slack/interactions to slackInteraction and subscribes requestApproval to the approvals topic', () => {
    // Act
    const route = propertiesOf('HttpApiRoutePostSlackInteractions');
    const subscriptions = Object.values(template.Resources).filter((r) => r.Type === 'AWS::SNS::Subscription');

    // Assess
    expect(route.RouteKey).toBe('POST /slack/interactions');
    expect(subscriptions.map((s) => s.Properties?.TopicArn)).toEqual([{ Ref: 'ApprovalsTopic' }]);
    expect(propertiesOf('ApprovalsTopic').TopicName).toBe('fleet-dev-approvals');
  });
});
