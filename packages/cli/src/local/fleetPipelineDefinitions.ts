import type { LocalPipelineDefinition, PipelineRunPlan } from '@fleet/local-cloud';
import type { FleetConfig } from '@fleet/shared';

/**
 * The SageMaker pipelines the fleet configuration names, as the local SageMaker registers them.
 *
 * Each pipeline declares exactly the parameters the fleet may pass: the targets of its
 * allow-list (`parameters`) and its `staticParameters` (with the configured value as default),
 * so StartPipelineExecution rejects any other name as SageMaker would for the real definition.
 * Pipelines sharing one SageMaker name are registered once with the union of their parameters.
 *
 * @example
 * fleetPipelineDefinitions(config)[0].name // 'churn-retrain'
 */
export const fleetPipelineDefinitions = (
  config: Pick<FleetConfig, 'pipelines'>,
  run?: PipelineRunPlan,
): LocalPipelineDefinition[] => {
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
    byName.set(name.toLowerCase(), definition);
  }
  return [...byName.values()];
};
