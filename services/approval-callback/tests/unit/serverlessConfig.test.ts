import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ApprovalExecutionInputSchema, DecisionSchema } from '../../src/events/ApprovalExecutionInput.js';
import { ApprovalRequestMessageSchema } from '../../src/events/ApprovalRequestMessage.js';

// Reads the stack definition as YAML (no framework run): what the packaged template and the local
// cloud both start from. The state machine and the functions must agree on every payload.
const serviceDir = path.resolve(__dirname, '..', '..');
const stack = parseYaml(readFileSync(path.join(serviceDir, 'serverless.yml'), 'utf8'));
const states = stack.stepFunctions.stateMachines.approval.definition.States as Record<string, Record<string, unknown>>;
/** The message the RequestApproval state publishes. */
const requestMessage = (): Record<string, string> =>
  (states.RequestApproval as { Parameters: { Message: Record<string, string> } }).Parameters.Message;
const keysOf = (parameters: Record<string, unknown>): string[] =>
  Object.keys(parameters)
    .map((k) => k.replace(/\.\$$/, ''))
    .sort();

describe('serverless.yml of approval-callback', () => {
  it('publishes exactly the request message requestApproval reads', () => {
    // Prepare
    const message = requestMessage();

    // Act
    const published = keysOf(message);

    // Assess
    expect(published).toEqual(Object.keys(ApprovalRequestMessageSchema.shape).sort());
    expect(message['taskToken.$']).toBe('$$.Task.Token');
  });

  it('gives Apply a quality-gate decision its schema accepts', () => {
    // Prepare
    const parameters = states.RejectByQualityGate?.Parameters as Record<string, string>;

    // Act
    const result = DecisionSchema.safeParse({
      decision: parameters.decision,
      decidedBy: parameters.decidedBy,
      decidedAt: '2026-03-02T12:00:00.000Z',
      reason: 'roc_auc 0.6 is below the minimum 0.7 (no champion)',
    });

    // Assess
    expect(keysOf(parameters)).toEqual(['decidedAt', 'decidedBy', 'decision', 'reason']);
    expect(result.success).toBe(true);
  });

  it('reads the execution input from the paths startApproval writes', () => {
    // Prepare
    const message = requestMessage();
    const inputFields = new Set(Object.keys(ApprovalExecutionInputSchema.shape));

    // Act
    const fromInput = Object.values(message)
      .filter((p) => /^\$\.[a-zA-Z]+$/.test(p))
      .map((p) => p.slice(2));

    // Assess
    expect(fromInput.filter((field) => !inputFields.has(field))).toEqual([]);
  });

  it('gives every function the variables its dependency factory requires', () => {
    // Prepare
    const environment = stack.provider.environment as Record<string, unknown>;

    // Assess
    for (const name of [
      'RECORDS_TABLE_NAME',
      'EVENT_BUS_NAME',
      'APPROVAL_STATE_MACHINE_ARN',
      'FLEET_CONFIG_FILE',
      'FLEET_STAGE',
    ]) {
      expect(environment[name]).toBeDefined();
    }
  });

  it('routes each Lambda task to its function and continues approvals at the Approved seam into the deployment', () => {
    // Act
    const resources = Object.fromEntries(
      Object.entries(states)
        .filter(([, state]) => typeof state.Resource === 'object')
        .map(([name, state]) => [name, (state.Resource as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]]),
    );

    // Assess
    expect(resources).toEqual({
      Compare: 'CompareLambdaFunction',
      Apply: 'ApplyDecisionLambdaFunction',
      Expire: 'ExpireLambdaFunction',
      AcquireEndpoint: 'DeployAcquireLambdaFunction',
      CreateModel: 'DeployCreateModelLambdaFunction',
      CreateEndpointConfig: 'DeployCreateEndpointConfigLambdaFunction',
      StartDeployment: 'DeployStartLambdaFunction',
      CheckEndpoint: 'DeployCheckLambdaFunction',
      FinishDeployment: 'DeployFinishLambdaFunction',
    });
    expect(states.Approved).toMatchObject({ Type: 'Pass', Next: 'AcquireEndpoint' });
  });
});
