export { type FleetHandlerContext, type FleetHandlerOptions, fleetHandler } from './fleetHandler.js';
export { type FleetMiddyOptions, fleetMiddy } from './fleetMiddy.js';
export { HttpApiEvent } from './http/HttpApiEvent.js';
export {
  errorResponse,
  httpErrorLevel,
  httpErrorResponse,
  httpStatusOf,
  jsonResponse,
} from './http/httpErrorResponse.js';
export { BadRequestError, ForbiddenError, HttpError, NotFoundError, UnauthorizedError } from './http/httpErrors.js';
export { type HttpHandlerOptions, type HttpResult, httpHandler } from './http/httpHandler.js';
export { type HttpBodyFormat, type HttpRequest, httpRequestOf, rawBodyOf } from './http/httpRequestOf.js';
export * from './middlewares/index.js';
export { oncePerColdStart, resetDependencies } from './oncePerColdStart.js';
export { type SnsEvent, type SnsRecord, snsEventSchema } from './sns/snsEventSchema.js';
export { type SnsHandlerContext, type SnsHandlerOptions, snsHandler } from './sns/snsHandler.js';
export { TaskFailedError } from './task/TaskFailedError.js';
export { taskErrorName } from './task/taskErrorName.js';
export { type TaskHandlerOptions, taskHandler } from './task/taskHandler.js';
