export * from './datasetContract.js';
export { type LoadedContract, loadContract, parseContract } from './parseContract.js';
