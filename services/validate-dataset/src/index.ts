export * from './adapters/index.js';
export * from './app/index.js';
export * from './handlers/index.js';
