import type { LoadedFleetConfig } from '@fleet/shared';
import type { ApprovalPorts } from '../../app/ApprovalPorts.js';

/** What a function's handler receives: the fleet configuration and the ports it calls. */
export type FunctionDependencies<K extends keyof ApprovalPorts> = {
  config: LoadedFleetConfig;
  ports: Pick<ApprovalPorts, K>;
};
