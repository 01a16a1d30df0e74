export { ValidateRequest } from './ValidateRequest.js';
