import { isPlainObject } from '../isPlainObject.js';
import type { LoadedServerlessRules } from '../serverless/loadServerlessRules.js';
import { parseServerlessYaml } from '../serverless/parseServerlessYaml.js';
import { resolveIntrinsic } from '../serverless/resolveIntrinsic.js';
import { resolveServerlessVariables } from '../serverless/resolveServerlessVariables.js';
import type { StackContext } from '../serverless/stackReferences.js';

/**
 * The EventBridge Scheduler schedule groups the services' stacks create
 * (`AWS::Scheduler::ScheduleGroup` resources), by name, so the local Scheduler has them before
 * a handler creates a schedule in one, as after a deployment.
 *
 * @example
 * stackScheduleGroups(loaded, context) // ['fleet-trigger-retraining-local']
 */
export const stackScheduleGroups = (loaded: Pick<LoadedServerlessRules, 'files'>, context: StackContext): string[] => {
  const groups = new Set<string>();
  for (const file of loaded.files) {
    let config: Record<string, unknown>;
    try {
      config = resolveServerlessVariables(parseServerlessYaml(file).value, file, { ...context, env: process.env });
    } catch {
      // The rule loader already reported this file in `errors`.
      continue;
    }
    const resources =
      isPlainObject(config.resources) && isPlainObject(config.resources.Resources) ? config.resources.Resources : {};
    for (const resource of Object.values(resources)) {
      if (!isPlainObject(resource) || resource.Type !== 'AWS::Scheduler::ScheduleGroup') continue;
      const properties = isPlainObject(resource.Properties) ? resource.Properties : {};
      const name = resolveIntrinsic(properties.Name, {
        region: context.region,
        accountId: context.accountId,
        imports: {},
      });
      if (name !== undefined) groups.add(name);
    }
  }
  return [...groups];
};
