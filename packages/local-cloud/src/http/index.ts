export { AwsServiceError } from './AwsServiceError.js';
export { type AwsJsonHandlerOptions, awsJsonHandler } from './awsJsonHandler.js';
export { awsJsonErrorResponse, awsJsonResponse } from './awsJsonResponse.js';
export {
  type AnyShape,
  type BooleanShape,
  checkShape,
  type IntegerShape,
  type ListShape,
  type MemberShape,
  type Shape,
  type ShapeCheck,
  type StringShape,
  type StructureShape,
  type TimestampShape,
  validationMessage,
} from './checkShape.js';
export { StandInServer } from './StandInServer.js';
export {
  type HttpHandler,
  type HttpRequest,
  type HttpResponse,
  type RunningHttpServer,
  startHttpServer,
} from './startHttpServer.js';
