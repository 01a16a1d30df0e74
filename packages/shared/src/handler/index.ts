export { type FleetHandlerContext, type FleetHandlerOptions, fleetHandler } from './fleetHandler.js';
export * from './middlewares/index.js';
