export * from './clock/index.js';
export * from './http/index.js';
export * from './sagemaker/index.js';
export * from './scheduler/index.js';
