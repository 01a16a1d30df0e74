import type { FleetConfig, GuardsConfig } from '@fleet/shared';
import { UnknownPipelineError } from './errors.js';

/** One configured pipeline with its SageMaker name resolved. */
export type PipelineSettings = {
  /** The key under `pipelines` in the configuration; records and events use it. */
  key: string;
  /** The SageMaker pipeline name (defaults to the key). */
  pipelineName: string;
  parameters: Record<string, string>;
  staticParameters: Record<string, string>;
  guards: GuardsConfig;
  /** The models this pipeline retrains (their `pipeline` is this key): whose pause switches stop it. */
  models: readonly string[];
};

/**
 * Finds a pipeline by its configuration key, or else by its SageMaker name.
 *
 * Events name pipelines by key; SageMaker's own events carry the SageMaker name, which may
 * differ in case from the configuration, so that match ignores case.
 *
 * @throws UnknownPipelineError listing the configured pipelines
 */
export const pipelineSettings = (config: Pick<FleetConfig, 'pipelines' | 'models'>, name: string): PipelineSettings => {
  const byKey = config.pipelines[name];
  const entry =
    byKey === undefined
      ? Object.entries(config.pipelines).find(
          ([key, p]) => (p.pipelineName ?? key).toLowerCase() === name.toLowerCase(),
        )
      : ([name, byKey] as const);
  if (entry === undefined) throw new UnknownPipelineError(name, Object.keys(config.pipelines));
  const [key, pipeline] = entry;
  return {
    key,
    pipelineName: pipeline.pipelineName ?? key,
    parameters: pipeline.parameters,
    staticParameters: pipeline.staticParameters,
    guards: pipeline.guards,
    models: Object.entries(config.models)
      .filter(([, model]) => model.pipeline === key)
      .map(([model]) => model),
  };
};
