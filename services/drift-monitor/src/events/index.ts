export { DriftCheckInput } from './DriftCheckInput.js';
