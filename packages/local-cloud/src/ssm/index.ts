export { type LocalParameter, SsmStandIn } from './SsmStandIn.js';
