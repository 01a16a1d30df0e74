export {
  ApplyInputSchema,
  ApprovalExecutionInputSchema,
  ComparisonSchema,
  DecisionSchema,
  ExpireInputSchema,
} from './ApprovalExecutionInput.js';
export { ApprovalRequestMessageSchema } from './ApprovalRequestMessage.js';
export { DecideInput, RequestAgainInput } from './DirectInputs.js';
export { SlackBlockActions, SlackInteractionForm } from './SlackBlockActions.js';
