import type { PipelineRunPlan, RegistrationMetrics } from '@fleet/local-cloud';
import type { FleetCloud } from '../local/FleetCloud.js';
import { fleetPipelineDefinitions } from '../local/fleetPipelineDefinitions.js';

/** The training input a pipeline's definition now declares as its default. */
export type DemoTrainingInput = {
  pipelineName: string;
  /** The declared parameter (the target of the pipeline's `s3Uri` allow-list entry). */
  parameter: string;
  s3Uri: string;
};

/**
 * Points a pipeline's declared default training input at `s3Uri`, as a data team does with
 * UpdatePipeline when a new labelled export becomes the training set (here through the SageMaker
 * stand-in's `registerPipeline`, which replaces the definition as UpdatePipeline would; the
 * run plan and the evaluation metrics stay what the fleet started with).
 *
 * A run started without an input, as a drift retrain is, trains on that default; trigger-
 * retraining records the declared defaults in the run's decision record, which is where the drift
 * monitor's lineage finds the new model's training data.
 *
 * @throws Error when the pipeline is not configured or takes no `s3Uri` parameter
 */
export const pointTrainingInputAt = (
  fleet: FleetCloud,
  pipeline: string,
  s3Uri: string,
  options: { run: PipelineRunPlan; metrics?: RegistrationMetrics },
): DemoTrainingInput => {
  const settings = fleet.config.pipelines[pipeline];
  const parameter = settings?.parameters.s3Uri;
  if (settings === undefined || parameter === undefined) {
    throw new Error(`pipeline ${pipeline} takes no s3Uri parameter in ${fleet.configFile}`);
  }
  const pipelineName = settings.pipelineName ?? pipeline;
  const definition = fleetPipelineDefinitions(fleet.config, options.run, {
    stage: fleet.stage,
    ...(options.metrics === undefined ? {} : { metrics: options.metrics }),
  }).find((candidate) => candidate.name === pipelineName);
  if (definition === undefined) throw new Error(`no SageMaker pipeline ${pipelineName} for pipeline ${pipeline}`);
  fleet.cloud.sageMaker.registerPipeline({
    ...definition,
    parameters: (definition.parameters ?? []).map((declared) =>
      declared.name === parameter ? { ...declared, defaultValue: s3Uri } : declared,
    ),
  });
  return { pipelineName, parameter, s3Uri };
};
