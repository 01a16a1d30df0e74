import type { ValidateDatasetDependencies } from '../../src/adapters/createDependencies.js';
import { memoryPorts } from './memoryPorts.js';

/** In-memory ports wrapped as handler dependencies. */
export const memoryDependencies = (dataBucket?: string) => {
  const memory = memoryPorts();
  const dependencies: ValidateDatasetDependencies = { ports: memory.ports, dataBucket };
  return { ...memory, dependencies: () => dependencies };
};
