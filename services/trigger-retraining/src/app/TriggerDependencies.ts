import type { FleetConfig } from '@fleet/shared';
import type { TriggerPorts } from './ports.js';

/** What a deciding use case needs: the ports and the fleet configuration (built by adapters). */
export type TriggerDependencies = {
  ports: TriggerPorts;
  config: Pick<FleetConfig, 'pipelines' | 'datasets' | 'models'>;
};
