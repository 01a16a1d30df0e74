export * from './clock/index.js';
export * from './eventbridge/index.js';
export * from './http/index.js';
export * from './lambda/index.js';
export * from './sagemaker/index.js';
export * from './scheduler/index.js';
export * from './serverless/index.js';
