export * from './fleetConfigSchema.js';
export {
  getFleetConfig,
  type LoadedFleetConfig,
  loadFleetConfig,
  parseFleetConfig,
  resetFleetConfig,
} from './loadFleetConfig.js';
