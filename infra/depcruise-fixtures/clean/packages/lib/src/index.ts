export { isPositive } from './rules/index.js';
