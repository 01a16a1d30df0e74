export { createApplyDecisionHandler } from './applyDecision.js';
export { createCompareHandler } from './compare.js';
export { createDecideHandler } from './decide.js';
export { createExpireHandler } from './expire.js';
export { createRequestAgainHandler } from './requestAgain.js';
export { createRequestApprovalHandler } from './requestApproval.js';
export { createSlackInteractionHandler } from './slackInteraction.js';
export { createStartApprovalHandler } from './startApproval.js';
