export { BetaEvent } from './BetaEvent.js';
