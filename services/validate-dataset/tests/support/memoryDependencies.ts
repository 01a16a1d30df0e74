import type { ValidateDependencies } from '../../src/adapters/createValidateDependencies.js';
import { memoryPorts } from './memoryPorts.js';

/** In-memory ports wrapped as the dependencies of either handler. */
export const memoryDependencies = (dataBucket?: string) => {
  const memory = memoryPorts();
  const dependencies: ValidateDependencies = { ports: memory.ports, dataBucket };
  return { ...memory, dependencies: () => dependencies };
};
