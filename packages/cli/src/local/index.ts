export type { FleetCloud, FleetResources } from './FleetCloud.js';
export { findRepoRoot } from './findRepoRoot.js';
export { fleetPipelineDefinitions } from './fleetPipelineDefinitions.js';
export { fleetStackNames } from './fleetStackNames.js';
export { type FleetCloudOptions, startFleetCloud } from './startFleetCloud.js';
