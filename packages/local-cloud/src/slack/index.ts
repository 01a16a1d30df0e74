export {
  type BlockActionsInput,
  blockActionsPayload,
  findBlockElement,
  type SlackActingUser,
  type SlackMessage,
} from './blockActionsPayload.js';
export { BLOCK_KIT_LIMITS, checkBlockKit } from './checkBlockKit.js';
export {
  type ClickButtonInput,
  LocalSlack,
  type LocalSlackOptions,
  type SendBlockActionInput,
  SLACK_DEFAULTS,
  type SlackApiCall,
  type SlackFailure,
  type SlackInteractionResult,
  type SlackResponseUrlPost,
  type SlackSurface,
} from './LocalSlack.js';
export { MAX_ATTACHMENTS, MAX_MESSAGE_TEXT } from './readMessageContent.js';
export type { SlackChannel, SlackChannelOption, StoredSlackMessage } from './SlackConversations.js';
export { SlackStandIn, type SlackStandInOptions } from './SlackStandIn.js';
export { slackSignature } from './slackSignature.js';
