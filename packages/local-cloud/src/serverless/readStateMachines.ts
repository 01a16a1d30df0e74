import { isPlainObject } from '../isPlainObject.js';
import type { SourceLocation, TargetInput } from './LocalRule.js';
import { type IntrinsicContext, resolveIntrinsic } from './resolveIntrinsic.js';

/** An EventBridge rule whose target is a state machine (StartExecution with the event as input). */
export type StateMachineRule = TargetInput & {
  ruleName: string;
  /** `default` for AWS services' events, `custom` for the stack's custom bus. */
  bus: 'default' | 'custom';
  pattern: Record<string, unknown>;
  /** The state machine the rule starts. */
  stateMachineArn: string;
  location: SourceLocation;
};

/** A state machine of a service's `stepFunctions.stateMachines`, with its definition resolved locally. */
export type LocalStateMachine = {
  /** The `service:` of the stack. */
  service: string;
  /** The key under `stepFunctions.stateMachines`. */
  key: string;
  /** `name:` when given, otherwise the key. */
  name: string;
  /** `arn:aws:states:<region>:<account>:stateMachine:<name>`. */
  arn: string;
  /** The logical id the serverless-step-functions plugin gives the `AWS::StepFunctions::StateMachine`. */
  logicalId: string;
  /** `STANDARD` unless `type: EXPRESS`. */
  type: 'STANDARD' | 'EXPRESS';
  /** The Amazon States Language definition, with every intrinsic function replaced by its local value. */
  definition: Record<string, unknown>;
  /** Rules of its `eventBridge` events. */
  rules: StateMachineRule[];
  location: SourceLocation;
  /** What its stack's intrinsics resolve against locally (for `resolvePackagedDefinition`). */
  intrinsics: IntrinsicContext;
};

/** What a service's state machines are resolved against. */
export type StateMachineContext = {
  service: string;
  file: string;
  lineOf: (path: (string | number)[]) => number | undefined;
  /** Region, account, imports and the stack's own references (functions, topics, roles...). */
  intrinsics: IntrinsicContext;
  /** Deployed names of the stack's functions by their key under `functions:`. */
  functionNames: Readonly<Record<string, string>>;
  /** Which bus an `eventBusName` names (`undefined` for a bus the local cloud does not have). */
  busOf: (eventBus: unknown) => 'default' | 'custom' | undefined;
  /** Resolves the intrinsics of an event pattern and validates it as PutRule would; throws when it cannot. */
  resolvePattern: (pattern: Record<string, unknown>) => Record<string, unknown>;
};

/** What reading the state machines of one stack gave: the machines, and what was left out and why. */
export type ReadStateMachines = { stateMachines: LocalStateMachine[]; warnings: string[] };

/** The serverless framework's normalisation of a name into a logical id (`my-flow` → `MyDashflow`). */
const normalize = (name: string): string =>
  `${name.charAt(0).toUpperCase()}${name.slice(1)}`.replace(/-/g, 'Dash').replace(/_/g, 'Underscore');

const isIntrinsic = (value: Record<string, unknown>): boolean => {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
};

/**
 * Resolves a state machine definition as CloudFormation would resolve the plugin's
 * `DefinitionString`: every `Ref`, `Fn::GetAtt`, `Fn::Sub`, `Fn::ImportValue` and `Fn::Join`
 * becomes its local value, `#{AWS::Region}`-style pseudo parameters in strings are replaced, and
 * a function's key under `functions:` stands for its `AWS::Lambda::Function` (as the plugin
 * translates it). An intrinsic `Seconds` of a Wait state becomes a number, as the plugin writes it
 * unquoted.
 *
 * @throws Error naming the path of the first value that cannot be resolved locally
 * @example
 * resolveStateMachineDefinition({ StartAt: 'A', States: { A: { Type: 'Task', Resource: { 'Fn::GetAtt': ['hello', 'Arn'] }, End: true } } }, intrinsics, { hello: 'app-local-hello' })
 * // Resource: 'arn:aws:lambda:eu-west-1:123456789012:function:app-local-hello'
 */
export const resolveStateMachineDefinition = (
  definition: Record<string, unknown>,
  intrinsics: IntrinsicContext,
  functionNames: Readonly<Record<string, string>> = {},
): Record<string, unknown> => {
  const references: Record<string, string> = { ...intrinsics.references };
  for (const [key, deployedName] of Object.entries(functionNames)) {
    if (references[key] !== undefined) continue;
    references[key] = deployedName;
    references[`${key}.Arn`] = `arn:aws:lambda:${intrinsics.region}:${intrinsics.accountId}:function:${deployedName}`;
  }
  const context: IntrinsicContext = { ...intrinsics, references };
  const pseudo = (text: string, at: string): string =>
    text.replace(/#\{([^}]+)\}/g, (_whole, name: string) => {
      const value = resolveIntrinsic({ Ref: name }, context);
      if (value === undefined) throw new Error(`${at}: #{${name}} cannot be resolved locally`);
      return value;
    });
  const visit = (value: unknown, at: string, parent?: Record<string, unknown>, key?: string): unknown => {
    if (typeof value === 'string') return pseudo(value, at);
    if (Array.isArray(value)) return value.map((item, index) => visit(item, `${at}[${index}]`));
    if (!isPlainObject(value)) return value;
    if (isIntrinsic(value)) {
      const resolved = resolveIntrinsic(value, context);
      if (resolved === undefined) throw new Error(`${at}: ${JSON.stringify(value)} cannot be resolved locally`);
      return parent?.Type === 'Wait' && key === 'Seconds' && /^\d+$/.test(resolved) ? Number(resolved) : resolved;
    }
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [name, visit(item, `${at}.${name}`, value, name)]),
    );
  };
  return visit(definition, 'definition') as Record<string, unknown>;
};

const withoutQueryLanguage = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutQueryLanguage);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, item]) => !(key === 'QueryLanguage' && item === 'JSONPath'))
      .map(([key, item]) => [key, withoutQueryLanguage(item)]),
  );
};

/**
 * The definition a packaged template's `DefinitionString` stands for locally: a JSON string, or
 * `Fn::Sub` of one with its variables (`Fn::GetAtt` of functions, `Ref` of topics...) as
 * serverless-step-functions writes it, resolved against `intrinsics` (a `LocalStateMachine`'s),
 * without the `"QueryLanguage": "JSONPath"` the plugin adds to every state. Equal to the
 * machine's `definition` when the local reading agrees with the packaging.
 *
 * @throws Error when a variable cannot be resolved locally or the result is not JSON
 */
export const resolvePackagedDefinition = (
  definitionString: unknown,
  intrinsics: IntrinsicContext,
): Record<string, unknown> => {
  const text = resolveIntrinsic(definitionString, intrinsics);
  if (text === undefined)
    throw new Error(`${JSON.stringify(definitionString).slice(0, 200)} cannot be resolved locally`);
  return withoutQueryLanguage(JSON.parse(text)) as Record<string, unknown>;
};

const readRules = (
  events: unknown,
  machine: { name: string; arn: string; key: string },
  context: StateMachineContext,
  warnings: string[],
): StateMachineRule[] => {
  const rules: StateMachineRule[] = [];
  (Array.isArray(events) ? events : []).forEach((event, index) => {
    const at = ['stepFunctions', 'stateMachines', machine.key, 'events', index];
    const where = `${context.file}:${context.lineOf(at) ?? '?'}: stepFunctions.stateMachines.${machine.key}.events[${index}]`;
    const body = isPlainObject(event) ? (event.eventBridge ?? event.cloudwatchEvent) : undefined;
    if (!isPlainObject(body)) {
      warnings.push(`${where}: only eventBridge events start a state machine locally; left out`);
      return;
    }
    if (body.enabled === false) return;
    const bus = context.busOf(body.eventBusName);
    if (bus === undefined) {
      warnings.push(`${where}: eventBusName ${JSON.stringify(body.eventBusName)} is not a local bus; left out`);
      return;
    }
    if (!isPlainObject(body.event)) {
      warnings.push(`${where}: event (the pattern) is missing or not a mapping; left out`);
      return;
    }
    let pattern: Record<string, unknown>;
    try {
      pattern = context.resolvePattern(body.event);
    } catch (error) {
      warnings.push(`${where}: ${(error as Error).message}; left out`);
      return;
    }
    const transformer = body.inputTransformer;
    rules.push({
      ruleName: typeof body.name === 'string' ? body.name : `${machine.name}-rule-${index + 1}`,
      bus,
      pattern,
      stateMachineArn: machine.arn,
      ...(body.input === undefined ? {} : { input: body.input }),
      ...(typeof body.inputPath === 'string' ? { inputPath: body.inputPath } : {}),
      ...(isPlainObject(transformer) && typeof transformer.inputTemplate === 'string'
        ? {
            inputTransformer: {
              inputTemplate: transformer.inputTemplate,
              ...(isPlainObject(transformer.inputPathsMap)
                ? { inputPathsMap: transformer.inputPathsMap as Record<string, string> }
                : {}),
            },
          }
        : {}),
      location: { file: context.file, line: context.lineOf(at) },
    });
  });
  return rules;
};

/**
 * Reads `stepFunctions.stateMachines` of a resolved `serverless.yml` (the serverless-step-functions
 * plugin's format): each machine's name, ARN, definition with intrinsics resolved
 * (`resolveStateMachineDefinition`) and `eventBridge` events as rules.
 *
 * A machine whose definition cannot be resolved locally is left out with a warning naming the
 * file, line and value; nothing here throws for bad input.
 */
export const readStateMachines = (config: Record<string, unknown>, context: StateMachineContext): ReadStateMachines => {
  const warnings: string[] = [];
  const section = isPlainObject(config.stepFunctions) ? config.stepFunctions.stateMachines : undefined;
  if (!isPlainObject(section)) return { stateMachines: [], warnings };
  const { region, accountId } = context.intrinsics;
  const machines = Object.entries(section)
    .filter((entry): entry is [string, Record<string, unknown>] => isPlainObject(entry[1]))
    .map(([key, body]) => {
      const name = typeof body.name === 'string' ? body.name : key;
      const custom = typeof body.id === 'string' ? body.id : typeof body.name === 'string' ? body.name : undefined;
      return {
        key,
        body,
        name,
        arn: `arn:aws:states:${region}:${accountId}:stateMachine:${name}`,
        logicalId: custom === undefined ? `${normalize(key)}StepFunctionsStateMachine` : normalize(custom),
      };
    });
  // A definition may start another machine of the same stack: Ref gives its ARN, GetAtt its name.
  const references: Record<string, string> = { ...context.intrinsics.references };
  for (const machine of machines) {
    references[machine.logicalId] = machine.arn;
    references[`${machine.logicalId}.Arn`] = machine.arn;
    references[`${machine.logicalId}.Name`] = machine.name;
  }
  const intrinsics: IntrinsicContext = { ...context.intrinsics, references };
  const stateMachines: LocalStateMachine[] = [];
  for (const machine of machines) {
    const at = ['stepFunctions', 'stateMachines', machine.key];
    const location = { file: context.file, line: context.lineOf(at) };
    if (!isPlainObject(machine.body.definition)) {
      warnings.push(
        `${context.file}:${location.line ?? '?'}: stepFunctions.stateMachines.${machine.key}: definition is missing or not a mapping; left out`,
      );
      continue;
    }
    let definition: Record<string, unknown>;
    try {
      definition = resolveStateMachineDefinition(machine.body.definition, intrinsics, context.functionNames);
    } catch (error) {
      warnings.push(
        `${context.file}:${location.line ?? '?'}: stepFunctions.stateMachines.${machine.key}: ${(error as Error).message}; left out`,
      );
      continue;
    }
    stateMachines.push({
      service: context.service,
      key: machine.key,
      name: machine.name,
      arn: machine.arn,
      logicalId: machine.logicalId,
      type: machine.body.type === 'EXPRESS' ? 'EXPRESS' : 'STANDARD',
      definition,
      rules: readRules(machine.body.events, machine, context, warnings),
      location,
      intrinsics,
    });
  }
  return { stateMachines, warnings };
};
