export { decide } from './decide.js';
