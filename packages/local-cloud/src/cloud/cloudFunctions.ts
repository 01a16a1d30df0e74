import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FunctionTarget } from '../serverless/LocalRule.js';
import type { LoadedServerlessRules } from '../serverless/loadServerlessRules.js';
import { parseServerlessYaml } from '../serverless/parseServerlessYaml.js';
import { type IntrinsicContext, resolveIntrinsic } from '../serverless/resolveIntrinsic.js';
import { resolveServerlessVariables } from '../serverless/resolveServerlessVariables.js';

/** A function of one of the services, as the local cloud runs it. */
export type CloudFunction = FunctionTarget;

/** Where the functions are deployed, for the names and ARNs CloudFormation would give them. */
export type CloudFunctionsContext = { rootDir: string; region: string; accountId: string; stage: string };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];

const handlerFile = (serviceDir: string, modulePath: string): string | undefined =>
  [
    ...EXTENSIONS.map((extension) => path.resolve(serviceDir, `${modulePath}${extension}`)),
    ...EXTENSIONS.map((extension) => path.resolve(serviceDir, modulePath, `index${extension}`)),
  ].find((candidate) => existsSync(candidate));

/** The logical id the Serverless Framework gives a function's `AWS::Lambda::Function`. */
const functionLogicalId = (functionName: string): string =>
  `${functionName.charAt(0).toUpperCase()}${functionName.slice(1)}`.replace(/-/g, 'Dash').replace(/_/g, 'Underscore') +
  'LambdaFunction';

/**
 * What `Ref` and `Fn::GetAtt` of a stack's own resources resolve to locally: its functions
 * (name and ARN), and the ARN of every other resource with a name property (IAM roles, queues),
 * so an environment variable such as the Scheduler's target or role ARN gets a value.
 */
const stackReferences = (
  config: Record<string, unknown>,
  service: string,
  context: CloudFunctionsContext,
): Record<string, string> => {
  const { region, accountId, stage } = context;
  const references: Record<string, string> = {};
  const functions = isPlainObject(config.functions) ? config.functions : {};
  for (const [name, definition] of Object.entries(functions)) {
    const deployedName =
      isPlainObject(definition) && typeof definition.name === 'string'
        ? definition.name
        : `${service}-${stage}-${name}`;
    const id = functionLogicalId(name);
    references[id] = deployedName;
    references[`${id}.Arn`] = `arn:aws:lambda:${region}:${accountId}:function:${deployedName}`;
  }
  const resources =
    isPlainObject(config.resources) && isPlainObject(config.resources.Resources) ? config.resources.Resources : {};
  for (const [id, resource] of Object.entries(resources)) {
    if (!isPlainObject(resource)) continue;
    const properties = isPlainObject(resource.Properties) ? resource.Properties : {};
    const type = String(resource.Type ?? '');
    const named = ['RoleName', 'QueueName', 'TopicName', 'Name']
      .map((key) => properties[key])
      .find((v) => v !== undefined);
    const name = resolveIntrinsic(named, { region, accountId, imports: {} }) ?? `${service}-${stage}-${id}`;
    if (type === 'AWS::IAM::Role') {
      references[id] = name;
      references[`${id}.Arn`] = `arn:aws:iam::${accountId}:role/${name}`;
    } else if (type === 'AWS::SQS::Queue') {
      references[id] = `https://sqs.${region}.amazonaws.com/${accountId}/${name}`;
      references[`${id}.Arn`] = `arn:aws:sqs:${region}:${accountId}:${name}`;
    } else if (type === 'AWS::SNS::Topic') {
      references[id] = `arn:aws:sns:${region}:${accountId}:${name}`;
    } else if (type === 'AWS::Scheduler::ScheduleGroup') {
      references[id] = name;
      references[`${id}.Arn`] = `arn:aws:scheduler:${region}:${accountId}:schedule-group/${name}`;
    }
  }
  return references;
};

/**
 * Every function of every loaded service, including those no rule targets (invoked directly or
 * by EventBridge Scheduler), with its environment resolved locally.
 *
 * Rule targets come from `loadServerlessRules`; the `serverless.yml` files are read again here
 * only to add the functions without events and to resolve environment values that refer to the
 * stack's own resources (`!GetAtt DebounceLambdaFunction.Arn`, a role's ARN), which the rule
 * loader leaves out.
 */
export const cloudFunctions = (loaded: LoadedServerlessRules, context: CloudFunctionsContext): CloudFunction[] => {
  const byName = new Map<string, CloudFunction>();
  for (const target of [...loaded.rules, ...loaded.schedules]) {
    if (!byName.has(target.deployedName)) {
      const {
        service,
        serviceDir,
        functionName,
        deployedName,
        handlerPath,
        handlerExport,
        environment,
        timeoutSeconds,
        memorySize,
        maximumRetryAttempts,
        onFailure,
      } = target;
      byName.set(deployedName, {
        service,
        serviceDir,
        functionName,
        deployedName,
        handlerPath,
        handlerExport,
        environment: { ...environment },
        timeoutSeconds,
        memorySize,
        maximumRetryAttempts,
        ...(onFailure === undefined ? {} : { onFailure }),
      });
    }
  }
  for (const file of loaded.files) {
    let config: Record<string, unknown>;
    try {
      config = resolveServerlessVariables(parseServerlessYaml(file).value, file, {
        stage: context.stage,
        region: context.region,
        accountId: context.accountId,
        env: process.env,
      });
    } catch {
      // The rule loader already reported this file in `errors`.
      continue;
    }
    const serviceDir = path.dirname(file);
    const service = typeof config.service === 'string' ? config.service : path.basename(serviceDir);
    const provider = isPlainObject(config.provider) ? config.provider : {};
    const functions = isPlainObject(config.functions) ? config.functions : {};
    const intrinsics: IntrinsicContext = {
      region: context.region,
      accountId: context.accountId,
      imports: loaded.imports,
      references: stackReferences(config, service, context),
      stackName: `${service}-${context.stage}`,
    };
    for (const [functionName, definition] of Object.entries(functions)) {
      if (!isPlainObject(definition) || typeof definition.handler !== 'string') continue;
      const deployedName =
        typeof definition.name === 'string' ? definition.name : `${service}-${context.stage}-${functionName}`;
      const environment: Record<string, string> = {};
      for (const [name, value] of Object.entries({
        ...(isPlainObject(provider.environment) ? provider.environment : {}),
        ...(isPlainObject(definition.environment) ? definition.environment : {}),
      })) {
        const resolved = resolveIntrinsic(value, intrinsics);
        if (resolved !== undefined) environment[name] = resolved;
      }
      const known = byName.get(deployedName);
      if (known !== undefined) {
        known.environment = { ...environment, ...known.environment };
        continue;
      }
      const lastDot = definition.handler.lastIndexOf('.');
      const handlerPath = lastDot > 0 ? handlerFile(serviceDir, definition.handler.slice(0, lastDot)) : undefined;
      if (handlerPath === undefined) continue;
      const number = (value: unknown, fallback: number) => {
        const parsed = Number(value);
        return value !== undefined && Number.isFinite(parsed) ? parsed : fallback;
      };
      byName.set(deployedName, {
        service,
        serviceDir,
        functionName,
        deployedName,
        handlerPath,
        handlerExport: definition.handler.slice(lastDot + 1),
        environment,
        timeoutSeconds: number(definition.timeout ?? provider.timeout, 6),
        memorySize: number(definition.memorySize ?? provider.memorySize, 1024),
        maximumRetryAttempts: Math.min(2, Math.max(0, number(definition.maximumRetryAttempts, 2))),
      });
    }
  }
  return [...byName.values()];
};
