import type { RetrainingFailed } from '@fleet/shared';
import { context, fallback, fields, header, SEVERITY_EMOJI, section } from '../blocks.js';
import type { SlackMessage } from '../SlackMessage.js';
import { escapeMrkdwn } from '../text.js';

/** A retraining that failed: the pipeline, what triggered it, and SageMaker's reason. */
export const retrainingFailedMessage = (detail: RetrainingFailed): SlackMessage => ({
  text: fallback(`Retraining failed: ${detail.pipeline} (${detail.failure.code}) ${detail.failure.message}`),
  blocks: [
    header(`${SEVERITY_EMOJI.error} Retraining failed: ${detail.pipeline}`),
    fields([
      ['Pipeline', detail.pipeline],
      ['Trigger', `${detail.trigger.kind} ${detail.trigger.id}`],
      ['Failure', detail.failure.code],
      ['Execution', detail.executionArn ?? 'not started'],
    ]),
    section(`*Why*\n${escapeMrkdwn(detail.failure.message || detail.reason)}`),
    context([`correlation \`${escapeMrkdwn(detail.correlationId)}\``]),
  ],
});
