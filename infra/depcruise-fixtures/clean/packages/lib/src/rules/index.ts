export { isPositive } from './isPositive.js';
