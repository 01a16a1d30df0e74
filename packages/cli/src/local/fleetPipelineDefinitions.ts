import type { LocalPipelineDefinition, PipelineRunPlan, RegistrationMetrics } from '@fleet/local-cloud';
import type { FleetConfig } from '@fleet/shared';

/** Options of `fleetPipelineDefinitions`. */
export type FleetPipelineDefinitionsOptions = {
  /** The stage whose core stack exports the data bucket (`fleet-<stage>-DataBucketName`); default `local`. */
  stage?: string;
  /** The metrics each successful run's evaluation reports (default: the local SageMaker's, roc_auc 0.88, accuracy 0.84). */
  metrics?: RegistrationMetrics;
};

/**
 * The SageMaker pipelines the fleet configuration names, as the local SageMaker registers them.
 *
 * Each pipeline declares exactly the parameters the fleet may pass: the targets of its
 * allow-list (`parameters`) and its `staticParameters` (with the configured value as default),
 * so StartPipelineExecution rejects any other name as SageMaker would for the real definition.
 * Pipelines sharing one SageMaker name are registered once with the union of their parameters.
 * A pipeline that retrains a model with a `modelPackageGroup` registers a package there after
 * each successful run, with its evaluation JSON in the data bucket, as the churn pipeline's
 * evaluation and RegisterModel steps do; the local SageMaker creates those groups when it starts.
 *
 * @example
 * fleetPipelineDefinitions(config)[0].name // 'churn-retrain'
 * fleetPipelineDefinitions(config)[0].register?.modelPackageGroup // 'churn'
 */
export const fleetPipelineDefinitions = (
  config: Pick<FleetConfig, 'pipelines'> & Partial<Pick<FleetConfig, 'models'>>,
  run?: PipelineRunPlan,
  options: FleetPipelineDefinitionsOptions = {},
): LocalPipelineDefinition[] => {
  const stage = options.stage ?? 'local';
  const byName = new Map<string, LocalPipelineDefinition & { parameters: { name: string; defaultValue?: string }[] }>();
  for (const [key, pipeline] of Object.entries(config.pipelines)) {
    const name = pipeline.pipelineName ?? key;
    const definition = byName.get(name.toLowerCase()) ?? {
      name,
      description: `fleet pipeline ${key} (local stand-in)`,
      parameters: [],
      ...(run === undefined ? {} : { run }),
    };
    const declare = (parameterName: string, defaultValue?: string) => {
      if (definition.parameters.some((parameter) => parameter.name === parameterName)) return;
      definition.parameters.push({ name: parameterName, ...(defaultValue === undefined ? {} : { defaultValue }) });
    };
    for (const target of Object.values(pipeline.parameters)) declare(target);
    for (const [target, value] of Object.entries(pipeline.staticParameters))
      declare(target, value === '' ? undefined : value);
    const group = Object.values(config.models ?? {}).find(
      (model) => model.pipeline === key && model.modelPackageGroup !== undefined,
    )?.modelPackageGroup;
    if (group !== undefined && definition.register === undefined) {
      definition.register = {
        modelPackageGroup: group,
        evaluationBucket: { export: `fleet-${stage}-DataBucketName` },
        ...(options.metrics === undefined ? {} : { metrics: options.metrics }),
      };
    }
    byName.set(name.toLowerCase(), definition);
  }
  return [...byName.values()];
};
