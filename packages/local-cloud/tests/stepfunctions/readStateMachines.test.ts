import path from 'node:path';
import { loadServerlessRules } from '../../src/serverless/loadServerlessRules.js';
import {
  readStateMachines,
  resolvePackagedDefinition,
  resolveStateMachineDefinition,
} from '../../src/serverless/readStateMachines.js';

const intrinsics = {
  region: 'eu-west-1',
  accountId: '123456789012',
  imports: { 'core-local-Table': 'core-table' },
  references: { Topic: 'arn:aws:sns:eu-west-1:123456789012:flows-topic' },
};

describe('resolveStateMachineDefinition', () => {
  it('resolves GetAtt and Ref of a function key, Ref of a resource, ImportValue, Sub and #{} pseudo parameters', () => {
    // Prepare
    const definition = {
      StartAt: 'A',
      States: {
        A: { Type: 'Task', Resource: { 'Fn::GetAtt': ['work', 'Arn'] }, Next: 'B' },
        B: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sns:publish',
          Parameters: {
            TopicArn: { Ref: 'Topic' },
            Message: { table: { 'Fn::ImportValue': 'core-local-Table' }, fn: { Ref: 'work' } },
            // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub template
            Subject: { 'Fn::Sub': 'In ${AWS::Region}' },
            Account: 'account #{AWS::AccountId}',
          },
          Next: 'C',
        },
        C: { Type: 'Wait', Seconds: { 'Fn::Sub': '30' }, End: true },
      },
    };

    // Act
    const resolved = resolveStateMachineDefinition(definition, intrinsics, { work: 'flows-local-work' });

    // Assess
    expect(resolved.States).toEqual({
      A: { Type: 'Task', Resource: 'arn:aws:lambda:eu-west-1:123456789012:function:flows-local-work', Next: 'B' },
      B: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sns:publish',
        Parameters: {
          TopicArn: 'arn:aws:sns:eu-west-1:123456789012:flows-topic',
          Message: { table: 'core-table', fn: 'flows-local-work' },
          Subject: 'In eu-west-1',
          Account: 'account 123456789012',
        },
        Next: 'C',
      },
      C: { Type: 'Wait', Seconds: 30, End: true },
    });
  });

  it('throws naming the path of a value it cannot resolve', () => {
    // Prepare
    const definition = { StartAt: 'A', States: { A: { Type: 'Task', Resource: { Ref: 'Unknown' }, End: true } } };

    // Act
    const resolve = () => resolveStateMachineDefinition(definition, intrinsics);

    // Assess
    expect(resolve).toThrow('definition.States.A.Resource: {"Ref":"Unknown"} cannot be resolved locally');
  });
});

describe('readStateMachines', () => {
  const context = {
    service: 'flows',
    file: 'serverless.yml',
    lineOf: () => 7,
    intrinsics,
    functionNames: {},
    busOf: (eventBus: unknown) => (eventBus === undefined ? ('default' as const) : undefined),
    resolvePattern: (pattern: Record<string, unknown>) => pattern,
  };

  it('leaves out a machine whose definition cannot be resolved, with a warning naming the file, line and value', () => {
    // Prepare
    const config = {
      stepFunctions: {
        stateMachines: {
          good: { definition: { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } } },
          bad: { definition: { StartAt: 'A', States: { A: { Type: 'Task', Resource: { Ref: 'Nope' }, End: true } } } },
        },
      },
    };

    // Act
    const read = readStateMachines(config, context);

    // Assess
    expect(read.stateMachines.map((machine) => [machine.name, machine.arn, machine.logicalId])).toEqual([
      ['good', 'arn:aws:states:eu-west-1:123456789012:stateMachine:good', 'GoodStepFunctionsStateMachine'],
    ]);
    expect(read.warnings).toEqual([
      'serverless.yml:7: stepFunctions.stateMachines.bad: definition.States.A.Resource: {"Ref":"Nope"} cannot be resolved locally; left out',
    ]);
  });

  it('leaves out an event on a bus the local cloud does not have, with a warning', () => {
    // Prepare
    const config = {
      stepFunctions: {
        stateMachines: {
          flow: {
            name: 'flow-x',
            definition: { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
            events: [
              { eventBridge: { eventBusName: 'elsewhere', event: { source: ['a'] } } },
              { eventBridge: { event: { source: ['b'] } } },
            ],
          },
        },
      },
    };

    // Act
    const read = readStateMachines(config, context);

    // Assess
    expect(read.stateMachines[0].rules).toEqual([
      {
        ruleName: 'flow-x-rule-2',
        bus: 'default',
        pattern: { source: ['b'] },
        stateMachineArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:flow-x',
        location: { file: 'serverless.yml', line: 7 },
      },
    ]);
    expect(read.warnings).toEqual([
      'serverless.yml:7: stepFunctions.stateMachines.flow.events[0]: eventBusName "elsewhere" is not a local bus; left out',
    ]);
  });

  it('is read for every service by loadServerlessRules, with the rules of its eventBridge events', () => {
    // Act
    const loaded = loadServerlessRules({ rootDir: path.join(__dirname, '..', 'fixtures', 'stepfunctions') });

    // Assess
    expect(loaded.errors).toEqual([]);
    expect(loaded.stateMachines.map((machine) => machine.name)).toEqual([
      'flows-local-chain',
      'flows-local-retries',
      'flows-local-approval',
      'flows-local-callback',
      'flows-local-pause',
    ]);
    expect(loaded.stateMachines[0]).toMatchObject({
      service: 'flows',
      key: 'chain',
      logicalId: 'FlowsDashlocalDashchain',
      type: 'STANDARD',
      rules: [
        {
          ruleName: 'flows-local-chain-rule-1',
          bus: 'default',
          inputPath: '$.detail',
          pattern: { source: ['flows.orders'], 'detail-type': ['Order Placed'] },
        },
      ],
    });
  });
});

describe('resolvePackagedDefinition', () => {
  it('gives the definition read from serverless.yml back from a DefinitionString as serverless-step-functions packages it', () => {
    // Prepare
    const loaded = loadServerlessRules({ rootDir: path.join(__dirname, '..', 'fixtures', 'stepfunctions') });
    const chain = loaded.stateMachines[0];
    const states = chain.definition.States as Record<string, Record<string, unknown>>;
    // The plugin's shape: intrinsics become ${md5} variables of an Fn::Sub, every state gets a QueryLanguage.
    const template = {
      ...chain.definition,
      States: Object.fromEntries(
        Object.entries(states).map(([name, state]) => [name, { ...state, QueryLanguage: 'JSONPath' }]),
      ),
    };
    const packagedStates = template.States as Record<string, Record<string, unknown>>;
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub variables, as the plugin writes them
    packagedStates.Double.Resource = '${a1b2}';
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub variables, as the plugin writes them
    packagedStates.DoubleAgain.Parameters = { FunctionName: '${c3d4}', 'Payload.$': '$' };
    const definitionString = {
      'Fn::Sub': [
        JSON.stringify(template, undefined, 2),
        { a1b2: { 'Fn::GetAtt': ['DoubleLambdaFunction', 'Arn'] }, c3d4: { Ref: 'DoubleLambdaFunction' } },
      ],
    };

    // Act
    const resolved = resolvePackagedDefinition(definitionString, chain.intrinsics);

    // Assess
    expect(resolved).toEqual(chain.definition);
  });
});
