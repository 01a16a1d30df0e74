export { announceVerdict, type VerdictToAnnounce } from './announceVerdict.js';
export type { CheckOutcome } from './CheckOutcome.js';
export { type CheckRequest, checkDrift } from './checkDrift.js';
export type * from './ports.js';
export { previousVerdict } from './previousVerdict.js';
export { readCaptureWindow, type SampledRow, type WindowSample } from './readCaptureWindow.js';
export { driftRecordKeys, recordKeyOf, windowId } from './recordKeys.js';
export {
  type Baseline,
  type BaselineOutcome,
  resolveBaseline,
  type ServingPackage,
  servingPackage,
} from './resolveBaseline.js';
