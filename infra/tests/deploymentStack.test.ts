import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { broadStatements } from './iamPolicy';
import { packageServiceStack, repoRoot, type Template } from './packagedStacks';

// Packages the approval-callback stack (once per jest run, shared with the other stack tests) and
// checks its deployment branch: the state machine, the alarms and the deploy functions' roles.
// The alarm names are the ones endpointAlarmNames gives (its unit test and the service's
// deployment YAML test hold the code to the same names).

// biome-ignore lint/suspicious/noExplicitAny: asl-validator ships no types
const aslValidator = require('asl-validator') as (definition: unknown) => { isValid: boolean; errors: any[] };

let template: Template;

beforeAll(() => {
  template = packageServiceStack('approval-callback');
}, 600_000);

type State = Record<string, unknown> & {
  Type: string;
  Next?: string;
  Catch?: { ErrorEquals: string[]; Next: string; ResultPath?: string }[];
  Retry?: { ErrorEquals: string[] }[];
};
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

/** The churn model's deployment section of fleet.config.yaml, as written. */
const churnDeployment = (): { endpointName: string; variantName: string; executionRoleArn: string } =>
  parseYaml(readFileSync(path.join(repoRoot, 'fleet.config.yaml'), 'utf8')).models.churn.deployment;

/** The properties of a resource of the packaged template (none is `{}`). */
const propertiesOf = (id: string): Record<string, unknown> => resource(id).Properties ?? {};

const resource = (id: string) => {
  const found = template.Resources[id];
  if (found === undefined) throw new Error(`no resource ${id} in the packaged template`);
  return found;
};

/** The packaged definition with each `${placeholder}` replaced by a local ARN, as a deployment would. */
const packagedDefinition = (): { States: Record<string, State> } => {
  const [text, values] = (
    propertiesOf('ApprovalStateMachine').DefinitionString as { 'Fn::Sub': [string, Record<string, unknown>] }
  )['Fn::Sub'];
  const arnOf = (value: unknown): string => {
    const v = value as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
    if (v.Ref !== undefined) return `arn:aws:sns:eu-west-1:123456789012:${v.Ref}`;
    return `arn:aws:lambda:eu-west-1:123456789012:function:${v['Fn::GetAtt']?.[0]}`;
  };
  return JSON.parse(text.replace(/\$\{([0-9a-f]+)\}/g, (_, key: string) => arnOf(values[key])));
};

const statementsOf = (roleId: string): Statement[] =>
  (resource(roleId).Properties as { Policies: { PolicyDocument: { Statement: Statement[] } }[] }).Policies.flatMap(
    (policy) => policy.PolicyDocument.Statement,
  );
const actionsOf = (statement: Statement): string[] => ([] as string[]).concat(statement.Action);
const resourcesOf = (statement: Statement): string[] =>
  ([] as unknown[])
    .concat(statement.Resource)
    .map((r) => (r as { 'Fn::Sub'?: string })['Fn::Sub'] ?? (typeof r === 'string' ? r : JSON.stringify(r)));

const deployFunctions = [
  'DeployAcquire',
  'DeployCreateModel',
  'DeployCreateEndpointConfig',
  'DeployStart',
  'DeployCheck',
  'DeployFinish',
] as const;

/** The functions whose role holds `action`, among every function of the stack. */
const holdersOf = (action: string): string[] =>
  Object.keys(template.Resources)
    .filter((id) => id.endsWith('IamRoleLambdaExecution'))
    .filter((id) => statementsOf(id).some((statement) => actionsOf(statement).includes(action)))
    .map((id) => id.replace(/IamRoleLambdaExecution$/, ''))
    .sort();

/** The states of the deployment branch: every state reachable from Approved. */
const branchStates = (states: Record<string, State>): string[] => {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || states[name] === undefined) return;
    seen.add(name);
    const state = states[name];
    const next = [
      state.Next,
      state.Default as string | undefined,
      ...((state.Choices as { Next: string }[] | undefined) ?? []).map((choice) => choice.Next),
      ...(state.Catch ?? []).map((c) => c.Next),
    ];
    for (const n of next) if (n !== undefined) visit(n);
  };
  visit('Approved');
  return [...seen].sort();
};

describe('the deployment branch of the packaged approval-callback stack', () => {
  it('packages a definition that asl-validator accepts', () => {
    // Act
    const result = aslValidator(packagedDefinition());

    // Assess
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
  });

  it('continues Approved into the deployment states, waiting for the lease and looking at the endpoint every 30 s', () => {
    // Act
    const { States: states } = packagedDefinition();

    // Assess
    expect(branchStates(states)).toEqual(
      [
        'AcquireEndpoint',
        'Approved',
        'CheckEndpoint',
        'CreateEndpointConfig',
        'CreateModel',
        'Deployed',
        'DeploymentPaused',
        'EndpointFree',
        'EndpointSettled',
        'FinishDeployment',
        'IsDeployed',
        'NotDeployed',
        'NotDeployedByFleet',
        'StartDeployment',
        'Superseded',
        'WaitForEndpoint',
        'WaitForEndpointLease',
      ].sort(),
    );
    expect(states.Approved).toMatchObject({ Type: 'Pass', Next: 'AcquireEndpoint' });
    expect(states.WaitForEndpoint).toMatchObject({ Type: 'Wait', Seconds: 30, Next: 'CheckEndpoint' });
    expect(states.WaitForEndpointLease).toMatchObject({ Type: 'Wait', Next: 'AcquireEndpoint' });
    expect(states.EndpointSettled?.Choices).toEqual([
      { Variable: '$.endpoint.outcome', StringEquals: 'updating', Next: 'WaitForEndpoint' },
    ]);
    expect(states.EndpointSettled?.Default).toBe('FinishDeployment');
  });

  it('starts with a Choice that sends a rollback straight to AcquireEndpoint, and ends a paused deployment cleanly', () => {
    // Act
    const definition = packagedDefinition() as { StartAt?: string; States: Record<string, State> };
    const states = definition.States;

    // Assess
    expect(definition.StartAt).toBe('IsRollback');
    expect(states.IsRollback).toMatchObject({
      Type: 'Choice',
      Choices: [
        {
          And: [
            { Variable: '$.mode', IsPresent: true },
            { Variable: '$.mode', StringEquals: 'rollback' },
          ],
          Next: 'AcquireEndpoint',
        },
      ],
      Default: 'Compare',
    });
    expect(states.EndpointFree?.Choices).toContainEqual({
      Variable: '$.deployment.outcome',
      StringEquals: 'paused',
      Next: 'DeploymentPaused',
    });
    expect(states.DeploymentPaused).toMatchObject({ Type: 'Succeed' });
  });

  it('ends every failure of a deployment task in FinishDeployment, so none stops silently', () => {
    // Prepare
    const { States: states } = packagedDefinition();
    const tasks = branchStates(states).filter((name) => states[name]?.Type === 'Task' && name !== 'FinishDeployment');

    // Act
    const catches = tasks.map((name) => [name, states[name]?.Catch]);

    // Assess
    expect(tasks.sort()).toEqual(
      ['AcquireEndpoint', 'CheckEndpoint', 'CreateEndpointConfig', 'CreateModel', 'StartDeployment'].sort(),
    );
    for (const [, caught] of catches) {
      expect(caught).toEqual([
        { ErrorEquals: ['States.ALL'], ResultPath: '$.deploymentError', Next: 'FinishDeployment' },
      ]);
    }
  });

  it('retries the transient names the tasks classify, and never a ValidationException', () => {
    // Prepare
    const { States: states } = packagedDefinition();

    // Act
    const retried = ['AcquireEndpoint', 'CreateModel', 'CreateEndpointConfig', 'StartDeployment', 'CheckEndpoint'].map(
      (name) => (states[name]?.Retry ?? []).flatMap((retry) => retry.ErrorEquals),
    );

    // Assess
    for (const names of retried) {
      expect(names).toContain('DeploymentTransientError');
      expect(names).not.toContain('DeploymentValidationError');
      expect(names).not.toContain('States.ALL');
    }
    expect(retried[3]).toContain('EndpointBusyError');
  });

  it('creates the two rollback alarms of the configured endpoint variant, missing data not breaching', () => {
    // Prepare
    const { endpointName, variantName } = churnDeployment();

    // Act
    const alarms = Object.values(template.Resources)
      .filter((r) => r.Type === 'AWS::CloudWatch::Alarm')
      .map((r) => r.Properties as Record<string, unknown>)
      .filter((p) => p.Namespace === 'AWS/SageMaker');

    // Assess
    expect(alarms.map((p) => p.AlarmName).sort()).toEqual([
      `fleet-dev-${endpointName}-${variantName}-Invocation5XXErrors`,
      `fleet-dev-${endpointName}-${variantName}-ModelLatencyP99`,
    ]);
    expect(alarms.map((p) => p.MetricName).sort()).toEqual(['Invocation5XXErrors', 'ModelLatency']);
    for (const alarm of alarms) {
      expect(alarm.TreatMissingData).toBe('notBreaching');
      expect(alarm.Dimensions).toEqual([
        { Name: 'EndpointName', Value: endpointName },
        { Name: 'VariantName', Value: variantName },
      ]);
    }
    expect(alarms.find((p) => p.MetricName === 'ModelLatency')?.ExtendedStatistic).toBe('p99');
  });

  it('scopes the hosting actions to the configured endpoint, its configurations and models', () => {
    // Prepare
    const { endpointName } = churnDeployment();
    const scoped: Record<string, RegExp> = {
      'sagemaker:CreateModel': new RegExp(`:model/${endpointName}-v\\*$`),
      'sagemaker:DescribeModel': new RegExp(`:model/${endpointName}-v\\*$`),
      'sagemaker:CreateEndpointConfig': new RegExp(`:endpoint-config/${endpointName}-v\\*$`),
      'sagemaker:DescribeEndpointConfig': new RegExp(`:endpoint-config/${endpointName}-v\\*$`),
      'sagemaker:CreateEndpoint': new RegExp(`:endpoint(-config)?/${endpointName}(-v\\*)?$`),
      'sagemaker:UpdateEndpoint': new RegExp(`:endpoint(-config)?/${endpointName}(-v\\*)?$`),
      'sagemaker:DescribeEndpoint': new RegExp(`:endpoint(-config)?/${endpointName}(-v\\*)?$`),
      'sagemaker:UpdateModelPackage': /:model-package\/churn\/\*$/,
      'sagemaker:DescribeModelPackage': /:model-package\/churn\/\*$/,
    };
    const problems: string[] = [];

    // Act
    for (const fn of deployFunctions) {
      for (const statement of statementsOf(`${fn}IamRoleLambdaExecution`)) {
        for (const action of actionsOf(statement)) {
          const pattern = scoped[action];
          if (pattern === undefined) continue;
          for (const arn of resourcesOf(statement)) if (!pattern.test(arn)) problems.push(`${fn}: ${action} on ${arn}`);
        }
      }
    }

    // Assess
    expect(problems).toEqual([]);
    expect(holdersOf('sagemaker:UpdateEndpoint')).toEqual(['DeployStart']);
    expect(holdersOf('sagemaker:CreateModel')).toEqual(['DeployCreateModel']);
    expect(holdersOf('sagemaker:DescribeEndpoint').sort()).toEqual(['DeployCheck', 'DeployStart']);
  });

  it('passes only the execution role, only to SageMaker, and only from the function that creates models', () => {
    // Prepare
    const { executionRoleArn } = churnDeployment();

    // Act
    const passRole = statementsOf('DeployCreateModelIamRoleLambdaExecution').filter((s) =>
      actionsOf(s).includes('iam:PassRole'),
    );

    // Assess
    expect(holdersOf('iam:PassRole')).toEqual(['DeployCreateModel']);
    expect(passRole).toEqual([
      {
        Effect: 'Allow',
        Action: ['iam:PassRole'],
        Resource: executionRoleArn,
        Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
      },
    ]);
  });

  it('lets only the function that updates the endpoint describe the rollback alarms, and only those', () => {
    // Prepare
    const { endpointName, variantName } = churnDeployment();

    // Act
    const describe = statementsOf('DeployStartIamRoleLambdaExecution').filter((s) =>
      actionsOf(s).includes('cloudwatch:DescribeAlarms'),
    );

    // Assess
    expect(holdersOf('cloudwatch:DescribeAlarms')).toEqual(['DeployStart']);
    expect(describe.flatMap(resourcesOf)).toEqual([
      `arn:\${AWS::Partition}:cloudwatch:\${AWS::Region}:\${AWS::AccountId}:alarm:fleet-dev-${endpointName}-${variantName}-*`,
    ]);
  });

  it('gives the deploy functions roles of their own with nothing broader than AWS allows', () => {
    // Act
    const problems = deployFunctions.flatMap((fn) =>
      broadStatements(fn, resource(`${fn}IamRoleLambdaExecution`).Properties ?? {}),
    );
    const roles = deployFunctions.map(
      (fn) => (propertiesOf(`${fn}LambdaFunction`).Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0],
    );

    // Assess
    expect(problems).toEqual([]);
    expect(new Set(roles).size).toBe(deployFunctions.length);
  });

  it('lets the state machine invoke every deploy function', () => {
    // Act
    const invoked = JSON.stringify(
      statementsOf('ApprovalStateMachineRole').find((s) => actionsOf(s).includes('lambda:InvokeFunction'))?.Resource,
    );

    // Assess
    for (const fn of deployFunctions) expect(invoked).toContain(`${fn}LambdaFunction`);
  });
});
