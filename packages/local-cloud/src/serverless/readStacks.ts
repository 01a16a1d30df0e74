import path from 'node:path';
import { LocalCloudError } from '../cloud/LocalCloudError.js';
import type { FunctionTarget } from './LocalRule.js';
import { type LoadedServerlessRules, loadServerlessRules } from './loadServerlessRules.js';
import { type HttpApiDefinition, readHttpRoutes } from './readHttpRoutes.js';
import { readServiceStacks } from './readServiceStacks.js';
import { readSnsTopics, type SnsTopics } from './readSnsTopics.js';
import { readStackResources, type StackResources } from './readStackResources.js';
import type { StackContext } from './stackReferences.js';

/** What the stacks declare, ready for the stand-ins: functions with their environment, rules, resources. */
export type ReadStacks = {
  /** Every function, with the environment it runs with; its rules share the same object. */
  functions: FunctionTarget[];
  stacks: LoadedServerlessRules;
  resources: StackResources;
  /** SNS topics (`AWS::SNS::Topic`) and the functions' `sns` subscriptions. */
  sns: SnsTopics;
  /** One HTTP API per service stack with `httpApi` events, and its routes. */
  httpApis: HttpApiDefinition[];
};

/**
 * Reads the core stack (`<rootDir>/serverless.yml`) and the services' stacks, and gives every
 * function `environment` over its own `serverless.yml` environment.
 *
 * A function and its rules share one environment object, so variables added later (the
 * endpoints of further stand-ins) reach every invocation.
 *
 * @throws LocalCloudError listing every file that cannot be read or resolved
 */
export const readStacks = (
  options: StackContext & { rootDir: string; serviceDirs?: string[]; environment: Record<string, string> },
): ReadStacks => {
  const { rootDir, stage, region, accountId } = options;
  const loaded = loadServerlessRules({ rootDir, stage, region, accountId, serviceDirs: options.serviceDirs });
  if (loaded.errors.length > 0) {
    throw new LocalCloudError(
      `cannot load the services' serverless.yml:\n${loaded.errors.map((error) => `  ${error.message}`).join('\n')}`,
    );
  }
  const resources = readStackResources([path.join(rootDir, 'serverless.yml'), ...loaded.files], {
    stage,
    region,
    accountId,
  });
  const functions = loaded.functions.map((fn) => ({
    ...fn,
    environment: { ...fn.environment, ...options.environment },
  }));
  const byName = new Map(functions.map((fn) => [fn.deployedName, fn]));
  const withFunction = <R extends { deployedName: string; environment: Record<string, string> }>(rule: R): R => ({
    ...rule,
    environment: byName.get(rule.deployedName)?.environment ?? { ...rule.environment, ...options.environment },
  });
  const serviceStacks = readServiceStacks([path.join(rootDir, 'serverless.yml'), ...loaded.files], functions, {
    stage,
    region,
    accountId,
    imports: loaded.imports,
  });
  const sns = readSnsTopics(serviceStacks, { region, accountId });
  const http = readHttpRoutes(serviceStacks);
  return {
    functions,
    stacks: {
      ...loaded,
      rules: loaded.rules.map(withFunction),
      schedules: loaded.schedules.map(withFunction),
      skipped: [...loaded.skipped, ...sns.skipped, ...http.skipped],
    },
    resources,
    sns,
    httpApis: http.apis,
  };
};
