export { type PublishedSnsMessage, type SnsPublishInput, SnsStandIn } from './SnsStandIn.js';
export { type SnsEventMessageAttribute, type SnsLambdaEvent, snsLambdaEvent } from './snsLambdaEvent.js';
export { MAX_SNS_MESSAGE_BYTES, type SnsMessageAttributeInput, validatePublish } from './validatePublish.js';
