import {
  BadRequestError,
  FleetMetric,
  type HttpResult,
  httpHandler,
  reportHandledFailure,
  UnauthorizedError,
} from '@fleet/shared';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import { defaultSlackDependencies, type SlackDependencies } from '../adapters/dependencies/slackDependencies.js';
import { slackClick } from '../app/slackClick.js';
import { SlackSignatureError } from '../domain/errors.js';
import { checkSlackHeaders, verifySlackSignature } from '../domain/slackSignature.js';
import { SlackBlockActions, SlackInteractionForm } from '../events/SlackBlockActions.js';
import { invocationOptions } from './invocationOptions.js';

const ACTIONS = new Set(['approve', 'reject']);

const parsePayload = (form: { payload: string }) => {
  let json: unknown;
  try {
    json = JSON.parse(form.payload);
  } catch (error) {
    throw new BadRequestError('payload is not valid JSON', { cause: error });
  }
  const parsed = SlackBlockActions.safeParse(json);
  if (!parsed.success) throw new BadRequestError('payload is not a block_actions interaction');
  return parsed.data;
};

/**
 * Builds the handler of Slack's interactivity requests (`POST /slack/interactions`).
 *
 * The signature is verified first, on the raw body: headers and timestamp before the secret is
 * even read, then the HMAC in constant time. Anything that does not verify is answered 401 with
 * nothing read, written or called. A verified click is authorised against the model's
 * approvers and decided once; the clicker hears back privately through `response_url`, and Slack
 * always gets its 200 (a failure after verification is logged, counted and told to the clicker).
 */
export const createSlackInteractionHandler = (dependencies: () => SlackDependencies = defaultSlackDependencies) =>
  httpHandler({
    service: serviceName,
    authorize: async (request) => {
      const { secret, ports } = dependencies();
      const signed = { rawBody: request.rawBody, headers: request.headers, now: ports.clock.now() };
      try {
        checkSlackHeaders(signed);
        verifySlackSignature(await secret.get(), signed);
      } catch (error) {
        if (!(error instanceof SlackSignatureError)) throw error;
        ports.metrics.addMetric(FleetMetric.SlackSignatureRejected, 'Count', 1);
        throw new UnauthorizedError('invalid Slack signature', { cause: error });
      }
    },
    body: { schema: SlackInteractionForm, format: 'form' },
    handler: async (request, context): Promise<HttpResult> => {
      const { config, ports } = dependencies();
      const payload = parsePayload(request.body);
      const action = payload.actions[0];
      if (action === undefined || !ACTIONS.has(action.action_id) || action.value === undefined) {
        context.logger.info('ignored a Slack action that is not an approval button', { actionId: action?.action_id });
        return { statusCode: 200, body: '' };
      }
      try {
        const outcome = await slackClick(
          {
            approvalId: action.value,
            action: action.action_id as 'approve' | 'reject',
            userId: payload.user.id,
            userName: payload.user.username ?? payload.user.name,
            responseUrl: payload.response_url,
            correlationId: context.correlationId,
          },
          config,
          ports,
          invocationOptions(context),
        );
        context.logger.info(`slack click ${outcome.status}`, { approvalId: action.value, status: outcome.status });
      } catch (error) {
        reportHandledFailure(ports, {
          step: 'SlackDecisionFailed',
          message: 'a verified Slack click could not be handled; the clicker may click again',
          correlationId: context.correlationId,
          error,
          details: { approvalId: action.value },
        });
        if (payload.response_url !== undefined) {
          await ports.replies
            .ephemeral(payload.response_url, 'Your click could not be recorded; nothing changed. Please try again.')
            .catch((replyError: unknown) =>
              reportHandledFailure(ports, {
                step: 'SlackReplyFailed',
                message: 'could not answer the clicker through response_url',
                correlationId: context.correlationId,
                error: replyError,
                level: 'warn',
              }),
            );
        }
      }
      return { statusCode: 200, body: '' };
    },
  });

/** Lambda entry point for Slack's interactivity requests. */
export const handler = createSlackInteractionHandler();
