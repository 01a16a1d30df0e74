export { createCheckDriftHandler, handler as checkDriftHandler } from './checkDrift.js';
