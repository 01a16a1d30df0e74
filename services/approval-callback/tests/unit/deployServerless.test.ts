import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { endpointAlarmNames } from '../../src/domain/deployment/deploymentNames.js';
import { DeploymentPlanSchema, DeploymentTaskInputSchema } from '../../src/events/DeploymentTaskInput.js';

// Reads the stack definition as YAML (no framework run): the deployment branch of the state
// machine, its alarms and the values written out from fleet.config.yaml must agree with the code.
const serviceDir = path.resolve(__dirname, '..', '..');
const repoRoot = path.resolve(serviceDir, '..', '..');
const stack = parseYaml(readFileSync(path.join(serviceDir, 'serverless.yml'), 'utf8'));
const states = stack.stepFunctions.stateMachines.approval.definition.States as Record<string, Record<string, unknown>>;
const churn = parseYaml(readFileSync(path.join(repoRoot, 'fleet.config.yaml'), 'utf8')).models.churn.deployment;

/** A value of the stack with `${self:custom.x}` and `${sls:stage}` resolved (the stage left as given). */
const resolve = (text: string, stage: string): string =>
  text
    .replace(/\$\{self:custom\.([A-Za-z]+)\}/g, (_, name: string) => String(stack.custom[name]))
    .replace(/\$\{sls:stage\}/g, stage);

const choiceValues = (state: string): string[] =>
  ((states[state]?.Choices ?? []) as { StringEquals: string }[]).map((choice) => choice.StringEquals);

describe('serverless.yml deployment branch of approval-callback', () => {
  it('writes out the endpoint, variant and execution role of fleet.config.yaml', () => {
    // Act
    const written = {
      endpointName: stack.custom.deployEndpointName,
      variantName: stack.custom.deployVariantName,
      executionRoleArn: stack.custom.deployExecutionRoleArn,
    };

    // Assess
    expect(written).toEqual({
      endpointName: churn.endpointName,
      variantName: churn.variantName,
      executionRoleArn: churn.executionRoleArn,
    });
  });

  it('declares the alarms under the names the deployment rolls back on', () => {
    // Prepare
    const resources = stack.resources.Resources as Record<
      string,
      { Type: string; Properties: { AlarmName: string; Namespace?: string } }
    >;

    // Act
    const names = Object.values(resources)
      .filter((r) => r.Type === 'AWS::CloudWatch::Alarm' && r.Properties.Namespace === 'AWS/SageMaker')
      .map((r) => resolve(r.Properties.AlarmName, 'dev'));

    // Assess
    expect(names.sort()).toEqual(endpointAlarmNames('dev', churn.endpointName, churn.variantName).sort());
  });

  it('keeps the branch state at the paths the deployment tasks read', () => {
    // Act
    const paths = {
      acquire: states.AcquireEndpoint?.ResultPath,
      check: states.CheckEndpoint?.ResultPath,
      caught: ((states.CreateModel?.Catch ?? []) as { ResultPath: string }[])[0]?.ResultPath,
    };

    // Assess
    expect(paths).toEqual({ acquire: '$.deployment', check: '$.endpoint', caught: '$.deploymentError' });
    for (const field of ['deployment', 'endpoint', 'deploymentError']) {
      expect(Object.keys(DeploymentTaskInputSchema.shape)).toContain(field);
    }
  });

  it('branches on the outcomes the tasks return', () => {
    // Act
    const acquired = choiceValues('EndpointFree');
    const settled = choiceValues('EndpointSettled');
    const finished = choiceValues('IsDeployed');

    // Assess
    expect(acquired).toEqual(['none', 'held', 'superseded', 'paused']);
    expect(DeploymentPlanSchema.shape.outcome.options).toEqual(['acquired', 'held', 'superseded']);
    expect(settled).toEqual(['updating']);
    expect(finished).toEqual(['deployed', 'superseded']);
  });

  it('sends a rollback input straight to the deployment states and every other input to Compare', () => {
    // Act
    const definition = stack.stepFunctions.stateMachines.approval.definition;
    const first = states[definition.StartAt];

    // Assess
    expect(definition.StartAt).toBe('IsRollback');
    expect(first).toEqual({
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
    expect(states.DeploymentPaused).toEqual({ Type: 'Succeed' });
  });
});
