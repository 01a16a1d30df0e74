import type { FleetConfig } from '@fleet/shared';
import type { TriggerPorts } from '../../app/ports.js';

/** What a deciding function needs: the ports of the use cases and the fleet configuration. */
export type TriggerDependencies = {
  ports: TriggerPorts;
  config: Pick<FleetConfig, 'pipelines' | 'datasets' | 'models'>;
};
