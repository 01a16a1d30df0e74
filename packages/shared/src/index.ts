export * from './config/index.js';
export * from './contract/index.js';
export * from './errors/index.js';
export * from './events/index.js';
export * from './handler/index.js';
export * from './observability/index.js';
export * from './publisher/index.js';
export * from './records/index.js';
