import type { PipelineRunner } from '../ports.js';
import type { Guard } from './Guard.js';

/**
 * The in-flight guard: stops a trigger while an execution of its pipeline is `Executing`.
 *
 * Asks SageMaker rather than the fleet's records, so a run started by hand in Studio counts too.
 */
export const inFlightGuard = (runner: PipelineRunner): Guard => ({
  reason: 'in-flight',
  stops: ({ settings }) => runner.isExecuting(settings.pipelineName),
});
