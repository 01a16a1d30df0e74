import { MemoryRecordsRepository } from '../../../src/index.js';
import { describeLeases } from '../leasesContract.js';

describeLeases('Leases over MemoryRecordsRepository', async () => ({ repository: new MemoryRecordsRepository() }));
