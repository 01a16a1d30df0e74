export { HttpApiStandIn, type LocalHttpRoute } from './HttpApiStandIn.js';
export { type HttpApiEvent, httpApiEvent, isTextContentType } from './httpApiEvent.js';
export { type HttpApiResponse, httpApiResponse } from './httpApiResponse.js';
export { type MatchedRoute, matchRoute } from './matchRoute.js';
