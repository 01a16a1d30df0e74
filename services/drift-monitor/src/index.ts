// The drift-monitor service: its handlers are the Lambda entry points named in serverless.yml.
export * from './adapters/index.js';
export * from './app/index.js';
export * from './domain/index.js';
export * from './events/index.js';
export * from './handlers/index.js';
