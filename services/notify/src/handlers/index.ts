export { createDigestFireHandler } from './digestFire.js';
export { createPagerDutyDeliveryHandler } from './pagerDutyDelivery.js';
export { createReportLinkHandler } from './reportLink.js';
export { createSlackDeliveryHandler } from './slackDelivery.js';
