import type { TriggerStore } from '../../src/app/ports.js';
import { createDatasetValidatedHandler } from '../../src/handlers/datasetValidated.js';
import { createPipelineStatusChangeHandler } from '../../src/handlers/pipelineStatusChange.js';
import { createScheduleTickHandler } from '../../src/handlers/scheduleTick.js';
import { describedPipeline } from './describedPipeline.js';
import { handlerDependencies, type UsualAnswers } from './handlerDependencies.js';
import { loadEvent } from './loadEvent.js';

// fraud-retrain of the handler tests' configuration (SageMaker name FraudRetrain) trains the model
// fraud and neither debounces nor has quiet hours, so its landings and schedule ticks go through
// every guard (paused, run lock) and then start.

/** What the mocked SageMaker answers for FraudRetrain: its declared parameter, and an execution per start. */
export const fraudRetrainAnswers = (): UsualAnswers => ({
  described: describedPipeline('FraudRetrain', ['InputDataUri']),
  started: (token) => `arn:aws:sagemaker:eu-west-1:123456789012:pipeline/fraudretrain/execution/${token.slice(0, 12)}`,
});

/** The handlers of one function instance each, sharing the store and the clock. */
export const fraudRetrainHandlers = (store: TriggerStore) => {
  const dependencies = handlerDependencies({ store });
  return {
    clock: dependencies.clock,
    tick: createScheduleTickHandler(() => dependencies),
    landed: createDatasetValidatedHandler(() => dependencies),
    statusChange: createPipelineStatusChangeHandler(() => dependencies),
  };
};

/** A validated fraud file whose ETag starts with `etag`, correlated by it. */
export const fraudLanding = (etag: string) => {
  const event = loadEvent<{ detail: Record<string, unknown> }>('dataset-validated.json');
  event.detail.dataset = 'fraud';
  event.detail.key = `raw/fraud/${etag}.csv`;
  event.detail.etag = etag.padEnd(32, '0');
  event.detail.correlationId = `landing-${etag}`;
  return event;
};

/** A tick of fraud-retrain's hourly schedule at `scheduledTime`. */
export const fraudTick = (scheduledTime: string) => ({
  kind: 'schedule',
  pipeline: 'fraud-retrain',
  rule: 'arn:aws:events:eu-west-1:123456789012:rule/fleet-trigger-retraining-dev-fraud-retrain-hourly',
  scheduledTime,
  eventId: `tick-${scheduledTime}`,
});
