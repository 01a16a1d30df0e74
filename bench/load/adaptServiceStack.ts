import type { LoadModel } from './loadFleetConfig.js';

/** The pipeline and the model package group the services' stacks name in their rules and permissions. */
const STACK_PIPELINE = 'churn-retrain';
const STACK_GROUP = 'churn';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces `pattern`, which must match, with what `replace` makes of each match. */
const replaceRequired = (
  text: string,
  pattern: RegExp,
  replace: (match: string, ...groups: string[]) => string,
  what: string,
): string => {
  if (!pattern.test(text)) throw new Error(`cannot adapt ${what}: no match for ${pattern}`);
  pattern.lastIndex = 0;
  return text.replace(pattern, replace);
};

/**
 * trigger-retraining's stack for the generated pipelines: the status-change rule's
 * `pipelineArn` suffixes and the pipeline permissions list each of them instead of churn's; the
 * nightly schedule's input names the first of them.
 */
const adaptTriggerRetraining = (text: string, pipelines: string[]): string => {
  const suffix = new RegExp(
    `^( *)- suffix:\\n( *)equals-ignore-case: ':pipeline/${escapeRegExp(STACK_PIPELINE)}'\\n`,
    'gm',
  );
  let adapted = replaceRequired(
    text,
    suffix,
    (_, dash: string, inner: string) =>
      pipelines.map((pipeline) => `${dash}- suffix:\n${inner}equals-ignore-case: ':pipeline/${pipeline}'\n`).join(''),
    "trigger-retraining's status-change rule",
  );
  adapted = replaceRequired(
    adapted,
    new RegExp(`^( *- .*pipeline/)${escapeRegExp(STACK_PIPELINE)}(.*)$`, 'gm'),
    (_, before: string, after: string) => pipelines.map((pipeline) => `${before}${pipeline}${after}`).join('\n'),
    "trigger-retraining's pipeline permissions",
  );
  return adapted.replaceAll(STACK_PIPELINE, pipelines[0]);
};

/**
 * approval-callback's stack for the generated groups: the rule that starts approvals matches
 * the groups of the models with an `approval` section, and the package permissions list them.
 */
const adaptApprovalCallback = (text: string, groups: string[]): string => {
  if (groups.length === 0) throw new Error('cannot adapt approval-callback: no generated model has an approval');
  const adapted = replaceRequired(
    text,
    new RegExp(`^( *ModelPackageGroupName: )\\[${escapeRegExp(STACK_GROUP)}\\]$`, 'gm'),
    (_, before: string) => `${before}[${groups.join(', ')}]`,
    "approval-callback's package rule",
  );
  return replaceRequired(
    adapted,
    new RegExp(`^( *- .*model-package/)${escapeRegExp(STACK_GROUP)}(/.*)$`, 'gm'),
    (_, before: string, after: string) => groups.map((group) => `${before}${group}${after}`).join('\n'),
    "approval-callback's package permissions",
  );
};

/**
 * A service's `serverless.yml` adapted to the generated fleet: where a stack lists the fleet's
 * pipelines or model package groups by name (trigger-retraining, approval-callback), it lists
 * the generated ones; the other stacks are returned as they are.
 *
 * @param serviceDir the service's folder name under `services/`, e.g. `trigger-retraining`
 * @throws Error when a stack no longer has the lines this adaptation rewrites
 */
export const adaptServiceStack = (serviceDir: string, text: string, models: readonly LoadModel[]): string => {
  if (serviceDir === 'trigger-retraining') {
    return adaptTriggerRetraining(
      text,
      models.map((model) => model.pipeline),
    );
  }
  if (serviceDir === 'approval-callback') {
    return adaptApprovalCallback(
      text,
      models.filter((model) => model.approval).map((model) => model.name),
    );
  }
  return text;
};
