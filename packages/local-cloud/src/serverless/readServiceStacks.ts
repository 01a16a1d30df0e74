import path from 'node:path';
import { isPlainObject } from '../isPlainObject.js';
import type { FunctionTarget, SourceLocation } from './LocalRule.js';
import { type ParsedServerlessYaml, parseServerlessYaml } from './parseServerlessYaml.js';
import type { IntrinsicContext } from './resolveIntrinsic.js';
import { resolveServerlessVariables } from './resolveServerlessVariables.js';
import { type StackContext, stackReferences } from './stackReferences.js';

/** One service stack as the readers of its events see it: its config resolved, and what `Ref`/`GetAtt` in it mean. */
export type ServiceStack = {
  file: string;
  /** The `service:` of the stack. */
  service: string;
  config: Record<string, unknown>;
  /** `resources.Resources` of the stack. */
  resources: Record<string, unknown>;
  /** Resolves the stack's own references (its functions, roles, queues, topics) and the given imports. */
  intrinsics: IntrinsicContext;
  /** Where a path of the file starts, for messages. */
  at: (yamlPath: (string | number)[]) => SourceLocation;
  /** The functions of this stack the Lambda stand-in runs (those whose handler exists), by their key under `functions:`. */
  functions: Map<string, FunctionTarget>;
};

/**
 * Reads the given `serverless.yml` files once more for the event kinds the EventBridge reader
 * leaves to other stand-ins (SNS topics and subscriptions, HTTP API routes).
 *
 * A file that cannot be read or resolved is left out: `loadServerlessRules` reports it in its
 * `errors`, which stops the local cloud before any stand-in starts.
 */
export const readServiceStacks = (
  files: readonly string[],
  functions: readonly FunctionTarget[],
  context: StackContext & { imports: Record<string, string> },
): ServiceStack[] => {
  const stacks: ServiceStack[] = [];
  for (const file of files) {
    let parsed: ParsedServerlessYaml;
    let config: Record<string, unknown>;
    try {
      parsed = parseServerlessYaml(file);
      config = resolveServerlessVariables(parsed.value, file, { ...context, env: process.env });
    } catch {
      continue;
    }
    const service = typeof config.service === 'string' ? config.service : path.basename(path.dirname(file));
    const resources =
      isPlainObject(config.resources) && isPlainObject(config.resources.Resources) ? config.resources.Resources : {};
    const serviceDir = path.resolve(path.dirname(file));
    stacks.push({
      file,
      service,
      config,
      resources,
      intrinsics: {
        region: context.region,
        accountId: context.accountId,
        imports: context.imports,
        references: stackReferences(config, service, context),
        stackName: `${service}-${context.stage}`,
      },
      at: (yamlPath) => ({ file, line: parsed.lineOf(yamlPath) }),
      functions: new Map(
        functions
          .filter((fn) => fn.service === service && path.resolve(fn.serviceDir) === serviceDir)
          .map((fn) => [fn.functionName, fn]),
      ),
    });
  }
  return stacks;
};
