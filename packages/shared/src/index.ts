export * from './config/index.js';
export * from './contract/index.js';
export * from './errors/index.js';
export * from './events/index.js';
