import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { AWS_DEFAULTS } from '../aws/awsDefaults.js';
import { validatePattern } from '../eventbridge/validatePattern.js';
import { isPlainObject } from '../isPlainObject.js';
import type {
  EventRule,
  FunctionTarget,
  InputTransformer,
  ScheduleRule,
  SkippedEvent,
  SourceLocation,
  TargetInput,
} from './LocalRule.js';
import { loadCoreExports } from './loadCoreExports.js';
import { type ParsedServerlessYaml, parseServerlessYaml } from './parseServerlessYaml.js';
import { type LocalStateMachine, readStateMachines } from './readStateMachines.js';
import { type IntrinsicContext, resolveIntrinsic } from './resolveIntrinsic.js';
import { resolveServerlessVariables, type VariableContext } from './resolveServerlessVariables.js';
import { ServerlessConfigError } from './ServerlessConfigError.js';
import { stackReferences } from './stackReferences.js';

/** Options of `loadServerlessRules`. */
export type LoadServerlessRulesOptions = {
  /** The repository root: it holds the core stack's `serverless.yml` and `services/`. */
  rootDir: string;
  /** Service folders to read (default: every folder under `<rootDir>/services` with a `serverless.yml`). */
  serviceDirs?: string[];
  /** The stage (`${sls:stage}`, `${opt:stage}`), default `local`. */
  stage?: string;
  /** Default `AWS_DEFAULTS.region`. */
  region?: string;
  /** Default `AWS_DEFAULTS.accountId`. */
  accountId?: string;
  /** Values for `${env:NAME}` (default: the process environment). */
  env?: Record<string, string | undefined>;
  /** Stack exports for `Fn::ImportValue`, added to (and overriding) those worked out from the core stack. */
  imports?: Record<string, string>;
  /** Other `${opt:name}` values. */
  options?: Record<string, string>;
};

/** Everything the local EventBridge needs from the services' `serverless.yml` files. */
export type LoadedServerlessRules = {
  /**
   * Every function whose handler module exists, with or without events (those invoked directly
   * or by EventBridge Scheduler too), in file and declaration order. The rules of a function
   * share its `environment` object.
   */
  functions: FunctionTarget[];
  /** Rules of `eventBridge` events, in file and declaration order. */
  rules: EventRule[];
  /** Rules of `schedule` events, for the clock to fire. */
  schedules: ScheduleRule[];
  /** State machines of `stepFunctions.stateMachines`, with their definitions resolved and their `eventBridge` rules. */
  stateMachines: LocalStateMachine[];
  /** Events not served locally (other kinds, unknown buses, invalid patterns), with the reason. */
  skipped: SkippedEvent[];
  /** Files that could not be read or resolved; their functions are missing from `rules`. */
  errors: ServerlessConfigError[];
  /** Non-fatal findings, e.g. environment variables that could not be resolved and were left out. */
  warnings: string[];
  /** The `serverless.yml` files read. */
  files: string[];
  /** The stack exports `Fn::ImportValue` resolved against. */
  imports: Record<string, string>;
  /** The name of the stacks' custom bus: the event bus the core stack declares (`<stage>` when it declares none). */
  customBusName: string;
};

const HANDLER_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];

const resolveHandlerFile = (serviceDir: string, modulePath: string): string | undefined => {
  const base = path.resolve(serviceDir, modulePath);
  for (const candidate of [
    base,
    ...HANDLER_EXTENSIONS.map((extension) => `${base}${extension}`),
    ...HANDLER_EXTENSIONS.map((extension) => path.join(base, `index${extension}`)),
  ]) {
    if (existsSync(candidate) && !candidate.endsWith(path.sep) && path.extname(candidate) !== '') return candidate;
  }
  return undefined;
};

const number = (value: unknown, fallback: number): number => {
  const parsed = typeof value === 'string' ? Number(value) : value;
  return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : fallback;
};

const describe = (value: unknown) => JSON.stringify(value);

/** Which bus an `eventBus:` value (a name, an ARN, or an import of either) names: the default bus, the custom bus, or neither. */
const busOf = (
  eventBus: unknown,
  customBusName: string,
  intrinsics: IntrinsicContext,
): 'default' | 'custom' | undefined => {
  if (eventBus === undefined || eventBus === null) return 'default';
  const name = resolveIntrinsic(eventBus, intrinsics);
  if (name === undefined) return undefined;
  const shortName = name.replace(/^arn:[^:]+:events:[^:]*:[^:]*:event-bus\//, '');
  if (shortName === 'default') return 'default';
  if (shortName === customBusName) return 'custom';
  return undefined;
};

const targetInput = (event: Record<string, unknown>): TargetInput | string => {
  const given = ['input', 'inputPath', 'inputTransformer'].filter((key) => event[key] !== undefined);
  if (given.length > 1)
    return `only one of input, inputPath and inputTransformer may be set (found ${given.join(', ')})`;
  if (event.inputPath !== undefined && typeof event.inputPath !== 'string') return 'inputPath must be a string';
  const transformer = event.inputTransformer;
  if (transformer !== undefined) {
    if (!isPlainObject(transformer) || typeof transformer.inputTemplate !== 'string') {
      return 'inputTransformer needs an inputTemplate string';
    }
    if (transformer.inputPathsMap !== undefined && !isPlainObject(transformer.inputPathsMap)) {
      return 'inputTransformer.inputPathsMap must be a mapping of names to JSON paths';
    }
  }
  return {
    ...(event.input === undefined ? {} : { input: event.input }),
    ...(event.inputPath === undefined ? {} : { inputPath: event.inputPath as string }),
    ...(transformer === undefined ? {} : { inputTransformer: transformer as InputTransformer }),
  };
};

const isIntrinsic = (value: Record<string, unknown>) => {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
};

/**
 * Replaces CloudFormation functions inside a pattern (e.g. a bucket name imported from the core
 * stack) with their local values, as CloudFormation does at deploy time.
 */
const resolvePatternIntrinsics = (value: unknown, intrinsics: IntrinsicContext): unknown => {
  if (Array.isArray(value)) return value.map((item) => resolvePatternIntrinsics(item, intrinsics));
  if (!isPlainObject(value)) return value;
  if (isIntrinsic(value)) {
    const resolved = resolveIntrinsic(value, intrinsics);
    if (resolved === undefined) throw new Error(`${describe(value)} in the pattern cannot be resolved locally`);
    return resolved;
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, resolvePatternIntrinsics(item, intrinsics)]),
  );
};

const findServiceDirs = (rootDir: string): string[] => {
  const servicesDir = path.join(rootDir, 'services');
  if (!existsSync(servicesDir)) return [];
  return readdirSync(servicesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(servicesDir, entry.name, 'serverless.yml')))
    .map((entry) => path.join(servicesDir, entry.name))
    .sort();
};

/**
 * Reads every service's `serverless.yml`: its functions, and their events as local rules.
 *
 * The files are read as YAML (with CloudFormation's `!Ref`, `!GetAtt`, `!Sub`, `!ImportValue`...)
 * and their variables resolved locally (`resolveServerlessVariables`), never by running the
 * framework. Every function whose handler module exists is listed in `functions`, its
 * environment resolved (references to the stack's own resources included). `eventBridge` events
 * become `rules`, on the custom bus (`custom`) when `eventBus` names the core stack's event bus (by
 * name, ARN or an import of either) and on the default bus when no bus is named; `schedule` events become `schedules` for the clock. Patterns are validated as PutRule would. Other event kinds,
 * unknown buses and invalid patterns are listed in `skipped` with the file and line; a file that
 * cannot be read or resolved is listed in `errors`. Nothing here throws for bad input.
 */
export const loadServerlessRules = (options: LoadServerlessRulesOptions): LoadedServerlessRules => {
  const stage = options.stage ?? 'local';
  const variables: VariableContext = {
    stage,
    region: options.region ?? AWS_DEFAULTS.region,
    accountId: options.accountId ?? AWS_DEFAULTS.accountId,
    env: options.env ?? process.env,
    options: options.options,
  };
  const errors: ServerlessConfigError[] = [];
  const warnings: string[] = [];
  const coreFile = path.join(options.rootDir, 'serverless.yml');
  let coreImports: Record<string, string> = {};
  let coreBuses: string[] = [];
  try {
    const core = loadCoreExports(coreFile, variables);
    coreImports = core.exports;
    coreBuses = core.buses;
    for (const name of core.unresolved)
      warnings.push(`${coreFile}: the value of export ${name} cannot be worked out locally`);
  } catch (error) {
    errors.push(
      error instanceof ServerlessConfigError
        ? error
        : new ServerlessConfigError(coreFile, String(error), { cause: error }),
    );
  }
  const imports = { ...coreImports, ...options.imports };
  const customBusName = coreBuses[0] ?? stage;
  const intrinsics: IntrinsicContext = { region: variables.region, accountId: variables.accountId, imports };

  const result: LoadedServerlessRules = {
    functions: [],
    rules: [],
    schedules: [],
    stateMachines: [],
    skipped: [],
    errors,
    warnings,
    files: [],
    imports,
    customBusName,
  };

  for (const serviceDir of options.serviceDirs ?? findServiceDirs(options.rootDir)) {
    const file = path.join(serviceDir, 'serverless.yml');
    result.files.push(file);
    let parsed: ParsedServerlessYaml;
    let config: Record<string, unknown>;
    try {
      parsed = parseServerlessYaml(file);
      config = resolveServerlessVariables(parsed.value, file, variables);
    } catch (error) {
      errors.push(
        error instanceof ServerlessConfigError
          ? error
          : new ServerlessConfigError(file, String(error), { cause: error }),
      );
      continue;
    }
    readService(config, parsed, path.resolve(serviceDir), { stage, customBusName, intrinsics }, result);
  }
  return result;
};

type ServiceContext = { stage: string; customBusName: string; intrinsics: IntrinsicContext };

const readService = (
  config: Record<string, unknown>,
  parsed: ParsedServerlessYaml,
  serviceDir: string,
  context: ServiceContext,
  result: LoadedServerlessRules,
) => {
  const { file } = parsed;
  const service = typeof config.service === 'string' ? config.service : path.basename(serviceDir);
  const provider = isPlainObject(config.provider) ? config.provider : {};
  const functions = isPlainObject(config.functions) ? config.functions : {};
  // Environment values may also refer to the stack's own resources (a function's or a role's ARN).
  const environmentIntrinsics: IntrinsicContext = {
    ...context.intrinsics,
    references: stackReferences(config, service, {
      region: context.intrinsics.region,
      accountId: context.intrinsics.accountId,
      stage: context.stage,
    }),
    stackName: `${service}-${context.stage}`,
  };

  for (const [functionName, definition] of Object.entries(functions)) {
    if (!isPlainObject(definition)) continue;
    const at = (...rest: (string | number)[]): SourceLocation => ({
      file,
      line: parsed.lineOf(['functions', functionName, ...rest]),
    });
    const events = Array.isArray(definition.events) ? definition.events : [];
    const skip = (kind: string, reason: string, location: SourceLocation) =>
      result.skipped.push({ service, functionName, kind, reason, location });

    const handler = typeof definition.handler === 'string' ? definition.handler : undefined;
    const lastDot = handler?.lastIndexOf('.') ?? -1;
    const handlerPath = handler && lastDot > 0 ? resolveHandlerFile(serviceDir, handler.slice(0, lastDot)) : undefined;
    if (handler === undefined || lastDot <= 0 || handlerPath === undefined) {
      const reason =
        handler === undefined || lastDot <= 0
          ? `handler must read <module path>.<export>, got ${describe(definition.handler)}`
          : `handler module ${handler.slice(0, lastDot)} not found under ${serviceDir}`;
      events.forEach((event, index) => {
        skip(isPlainObject(event) ? (Object.keys(event)[0] ?? '?') : String(event), reason, at('events', index));
      });
      continue;
    }

    const environment: Record<string, string> = {};
    const rawEnvironment = {
      ...(isPlainObject(provider.environment) ? provider.environment : {}),
      ...(isPlainObject(definition.environment) ? definition.environment : {}),
    };
    for (const [name, value] of Object.entries(rawEnvironment)) {
      const resolved = resolveIntrinsic(value, environmentIntrinsics);
      if (resolved === undefined) {
        result.warnings.push(
          `${file}: functions.${functionName}.environment.${name}: ${describe(value)} cannot be resolved locally; left out`,
        );
      } else {
        environment[name] = resolved;
      }
    }
    const destinations = isPlainObject(definition.destinations) ? definition.destinations : {};
    const onFailureValue = destinations.onFailure ?? definition.onError;
    const onFailure =
      onFailureValue === undefined
        ? undefined
        : (resolveIntrinsic(
            isPlainObject(onFailureValue) && 'arn' in onFailureValue ? onFailureValue.arn : onFailureValue,
            context.intrinsics,
          ) ?? describe(onFailureValue));
    const target: FunctionTarget = {
      service,
      serviceDir,
      functionName,
      deployedName:
        typeof definition.name === 'string' ? definition.name : `${service}-${context.stage}-${functionName}`,
      handlerPath,
      handlerExport: (handler as string).slice(lastDot + 1),
      environment,
      timeoutSeconds: number(definition.timeout ?? provider.timeout, 6),
      memorySize: number(definition.memorySize ?? provider.memorySize, 1024),
      maximumRetryAttempts: Math.min(2, Math.max(0, number(definition.maximumRetryAttempts, 2))),
      ...(onFailure === undefined ? {} : { onFailure }),
    };
    result.functions.push(target);

    events.forEach((event, index) => {
      const location = at('events', index);
      if (!isPlainObject(event) || Object.keys(event).length !== 1) {
        skip(
          String(isPlainObject(event) ? Object.keys(event).join('+') : event),
          'an event must be a mapping with one kind',
          location,
        );
        return;
      }
      const [kind] = Object.keys(event);
      const body = event[kind];
      if (kind === 'schedule' || (kind === 'eventBridge' && isPlainObject(body) && body.schedule !== undefined)) {
        // The framework names eventBridge rules <function>-rule-<n>; plain schedule rules get a CloudFormation name.
        const kindName = kind === 'eventBridge' ? 'rule' : 'schedule';
        readSchedule(kind, body, target, `${target.deployedName}-${kindName}-${index + 1}`, location, skip, result);
        return;
      }
      // The SNS and HTTP API stand-ins read these (readSnsTopics, readHttpRoutes) and report their own.
      if (kind === 'sns' || kind === 'httpApi') return;
      if (kind !== 'eventBridge') {
        skip(kind, `the local EventBridge serves eventBridge and schedule events, not ${kind}`, location);
        return;
      }
      if (!isPlainObject(body)) {
        skip(kind, 'an eventBridge event needs a mapping with a pattern', location);
        return;
      }
      if (body.enabled === false) {
        skip(kind, 'disabled (enabled: false)', location);
        return;
      }
      const bus = busOf(body.eventBus, context.customBusName, context.intrinsics);
      if (bus === undefined) {
        skip(
          kind,
          `eventBus ${describe(body.eventBus)} is neither the custom bus (${context.customBusName}, the core stack's event bus) nor the default bus`,
          at('events', index, 'eventBridge', 'eventBus'),
        );
        return;
      }
      if (!isPlainObject(body.pattern)) {
        skip(kind, 'pattern is missing or not a mapping', location);
        return;
      }
      let pattern: Record<string, unknown>;
      try {
        pattern = resolvePatternIntrinsics(body.pattern, context.intrinsics) as Record<string, unknown>;
        validatePattern(pattern);
      } catch (error) {
        // InvalidEventPatternError (as PutRule would reject it) or an unresolvable intrinsic.
        skip(kind, (error as Error).message, at('events', index, 'eventBridge', 'pattern'));
        return;
      }
      const input = targetInput(body);
      if (typeof input === 'string') {
        skip(kind, input, location);
        return;
      }
      const retryPolicy = isPlainObject(body.retryPolicy)
        ? {
            ...(body.retryPolicy.maximumEventAge === undefined
              ? {}
              : { maximumEventAge: number(body.retryPolicy.maximumEventAge, 86400) }),
            ...(body.retryPolicy.maximumRetryAttempts === undefined
              ? {}
              : { maximumRetryAttempts: number(body.retryPolicy.maximumRetryAttempts, 185) }),
          }
        : undefined;
      const deadLetterQueueArn =
        body.deadLetterQueueArn === undefined
          ? undefined
          : (resolveIntrinsic(body.deadLetterQueueArn, context.intrinsics) ?? describe(body.deadLetterQueueArn));
      result.rules.push({
        ...target,
        ...input,
        kind: 'eventBridge',
        ruleName: typeof body.name === 'string' ? body.name : `${target.deployedName}-rule-${index + 1}`,
        bus,
        pattern,
        ...(retryPolicy === undefined ? {} : { retryPolicy }),
        ...(deadLetterQueueArn === undefined ? {} : { deadLetterQueueArn }),
        location,
      });
    });
  }

  const machines = readStateMachines(config, {
    service,
    file,
    lineOf: parsed.lineOf,
    intrinsics: environmentIntrinsics,
    functionNames: Object.fromEntries(
      Object.entries(functions).map(([name, definition]) => [
        name,
        isPlainObject(definition) && typeof definition.name === 'string'
          ? definition.name
          : `${service}-${context.stage}-${name}`,
      ]),
    ),
    busOf: (eventBus) => busOf(eventBus, context.customBusName, context.intrinsics),
    resolvePattern: (pattern) => {
      const resolved = resolvePatternIntrinsics(pattern, context.intrinsics) as Record<string, unknown>;
      validatePattern(resolved);
      return resolved;
    },
  });
  result.stateMachines.push(...machines.stateMachines);
  result.warnings.push(...machines.warnings);
};

const readSchedule = (
  kind: string,
  body: unknown,
  target: FunctionTarget,
  defaultName: string,
  location: SourceLocation,
  skip: (kind: string, reason: string, location: SourceLocation) => void,
  result: LoadedServerlessRules,
) => {
  const settings: Record<string, unknown> =
    typeof body === 'string'
      ? { rate: body }
      : isPlainObject(body)
        ? { ...body, rate: body.rate ?? body.schedule }
        : {};
  const rates = Array.isArray(settings.rate) ? settings.rate : [settings.rate];
  if (
    rates.length === 0 ||
    !rates.every((rate) => typeof rate === 'string' && /^(rate|cron)\(.+\)$/.test(rate.trim()))
  ) {
    skip(kind, `schedule needs rate(...) or cron(...) expressions, got ${describe(settings.rate)}`, location);
    return;
  }
  if (settings.enabled === false) {
    skip(kind, 'disabled (enabled: false)', location);
    return;
  }
  const input = targetInput(settings);
  if (typeof input === 'string') {
    skip(kind, input, location);
    return;
  }
  result.schedules.push({
    ...target,
    ...input,
    kind: 'schedule',
    ruleName: typeof settings.name === 'string' ? settings.name : defaultName,
    schedule: {
      expressions: (rates as string[]).map((rate) => rate.trim()),
      method: settings.method === 'scheduler' ? 'scheduler' : 'eventBus',
      ...(typeof settings.timezone === 'string' ? { timezone: settings.timezone } : {}),
    },
    location,
  });
};
