// The notify service: its handlers are the Lambda entry points named in serverless.yml.
export * from './handlers/index.js';
