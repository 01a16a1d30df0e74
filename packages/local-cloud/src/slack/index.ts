export {
  type BlockActionsInput,
  blockActionsPayload,
  findBlockElement,
  type SlackActingUser,
  type SlackMessage,
} from './blockActionsPayload.js';
export {
  LocalSlack,
  type LocalSlackOptions,
  type SendBlockActionInput,
  SLACK_DEFAULTS,
  type SlackFailure,
  type SlackInteractionResult,
  type SlackResponseUrlPost,
  type SlackSurface,
} from './LocalSlack.js';
export { SlackStandIn, type SlackStandInOptions } from './SlackStandIn.js';
export { slackSignature } from './slackSignature.js';
