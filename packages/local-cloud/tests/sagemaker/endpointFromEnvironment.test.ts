import { DescribePipelineCommand, ResourceNotFound, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { GetScheduleCommand, ResourceNotFoundException, SchedulerClient } from '@aws-sdk/client-scheduler';
import { LocalClock } from '../../src/clock/index.js';
import { LocalSageMaker } from '../../src/sagemaker/index.js';
import { LocalScheduler } from '../../src/scheduler/index.js';

describe('stand-ins reached through AWS_ENDPOINT_URL_<SERVICE>', () => {
  const saved = { ...process.env };
  let sagemaker: LocalSageMaker;
  let scheduler: LocalScheduler;

  beforeAll(async () => {
    const clock = new LocalClock({ start: '2026-03-02T09:00:00Z' });
    sagemaker = new LocalSageMaker({ clock });
    scheduler = new LocalScheduler({ clock, invoke: () => undefined });
    process.env.AWS_ENDPOINT_URL_SAGEMAKER = await sagemaker.listen();
    process.env.AWS_ENDPOINT_URL_SCHEDULER = await scheduler.listen();
  });

  afterAll(async () => {
    process.env = saved;
    await sagemaker.close();
    await scheduler.close();
  });

  it('serves a SageMaker client built without an endpoint, with the modeled error class', async () => {
    // Prepare
    const client = new SageMakerClient({});

    // Act
    const outcome = client.send(new DescribePipelineCommand({ PipelineName: 'absent' }));

    // Assess
    await expect(outcome).rejects.toBeInstanceOf(ResourceNotFound);
    client.destroy();
  });

  it('serves a Scheduler client built without an endpoint, with the modeled error class', async () => {
    // Prepare
    const client = new SchedulerClient({});

    // Act
    const outcome = client.send(new GetScheduleCommand({ Name: 'absent' }));

    // Assess
    await expect(outcome).rejects.toBeInstanceOf(ResourceNotFoundException);
    client.destroy();
  });
});
