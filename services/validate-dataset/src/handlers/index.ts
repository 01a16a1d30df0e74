export { leaseFor } from './leaseFor.js';
export { createObjectCreatedHandler, objectCreatedRequest } from './objectCreated.js';
export { reportOutcome } from './reportOutcome.js';
export { createValidateHandler } from './validate.js';
