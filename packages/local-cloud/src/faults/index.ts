export {
  FaultInjector,
  type FaultSummary,
  type InjectedFault,
  type ServiceFaultCount,
} from './FaultInjector.js';
export type { FaultRequest, FaultResponse } from './FaultRequest.js';
export { DEFAULT_FAULT_RATE, DEFAULT_MAX_CONSECUTIVE_FAULTS, type LocalCloudFaults } from './LocalCloudFaults.js';
export { requestIdentity, requestOperation } from './requestIdentity.js';
export { seededChance } from './seededChance.js';
export { SERVICE_FAULTS, type ServiceFault, serviceFaults } from './serviceFaults.js';
export { type FaultProxyOptions, startFaultProxy } from './startFaultProxy.js';
