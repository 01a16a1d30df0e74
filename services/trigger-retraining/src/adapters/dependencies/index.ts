export { type CorePorts, coreDependencies, type DependencyOptions, defaultMaxAttempts } from './coreDependencies.js';
export { defaultFollowDependencies, type FollowDependencies, followDependencies } from './followDependencies.js';
export { defaultLandingDependencies, landingDependencies } from './landingDependencies.js';
export { schedulerFromEnv } from './schedulerFromEnv.js';
export { serviceName } from './serviceName.js';
export { defaultStartDependencies, startDependencies } from './startDependencies.js';
export { unavailableScheduler } from './unavailableScheduler.js';
