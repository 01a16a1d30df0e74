export { ConfigError } from './ConfigError.js';
export { formatZodIssues } from './formatZodIssues.js';
export { ValidationError } from './ValidationError.js';
