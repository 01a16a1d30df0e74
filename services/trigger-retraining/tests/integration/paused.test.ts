import 'aws-sdk-client-mock-jest';
import { StartPipelineExecutionCommand } from '@aws-sdk/client-sagemaker';
import { writePauseChange } from '@fleet/shared';
import { fraudLanding, fraudRetrainAnswers, fraudRetrainHandlers, fraudTick } from '../support/fraudRetrain.js';
import { answerAsUsual, lambdaContext, mockHandlerClients, publishedEvents } from '../support/handlerDependencies.js';
import { recordsTablePerTest } from '../support/recordsTable.js';

// fraud-retrain trains the model fraud and reaches the paused guard from a landing and a schedule tick.
const mocks = mockHandlerClients();
const { sagemaker, eventBridge } = mocks;
const table = recordsTablePerTest();

beforeEach(() => {
  answerAsUsual(mocks, fraudRetrainAnswers());
});

const fleet = () => fraudRetrainHandlers(table.store);

const change = (action: 'pause' | 'resume', now: Date, extra: { retraining?: boolean; deployment?: boolean } = {}) =>
  writePauseChange(table.records, {
    model: 'fraud',
    action,
    ...extra,
    by: 'alice',
    reason: action === 'pause' ? 'chargeback labels are late' : undefined,
    now,
    changeId: `${action}-${now.toISOString()}`,
  });

describe('a paused model (dynalite)', () => {
  it('skips a landing and a schedule tick as paused, with who and why in the decision records', async () => {
    // Prepare
    const { tick: onTick, landed, clock } = fleet();
    await change('pause', new Date(clock.now().getTime() - 60_000), { retraining: true });

    // Act
    const onLanding = await landed(fraudLanding('aa'), lambdaContext);
    const onTickOutcome = await onTick(fraudTick('2026-03-02T12:00:00Z'), lambdaContext);

    // Assess
    expect(onLanding).toMatchObject({ status: 'skipped', skipReason: 'paused' });
    expect(onTickOutcome).toMatchObject({ status: 'skipped', skipReason: 'paused' });
    expect(sagemaker).toHaveReceivedCommandTimes(StartPipelineExecutionCommand, 0);
    const skips = publishedEvents(eventBridge).filter((e) => e.detailType === 'Retraining Skipped');
    expect(skips.map((e) => e.detail.skipReason)).toEqual(['paused', 'paused']);
    const decisions = (await table.records.history('PIPELINE#fraud-retrain')).filter((r) => r.kind === 'trigger');
    expect(decisions).toHaveLength(2);
    for (const decision of decisions) {
      expect(decision).toMatchObject({
        decision: 'skipped',
        skipReason: 'paused',
        skipDetails: { pausedModel: 'fraud', pausedBy: 'alice', pauseReason: 'chargeback labels are late' },
      });
    }
  });

  it('starts the next landing after a resume, and is not stopped by a deployment-only pause', async () => {
    // Prepare
    const { landed, clock } = fleet();
    await change('pause', new Date(clock.now().getTime() - 120_000));
    const whilePaused = await landed(fraudLanding('bb'), lambdaContext);
    await change('resume', new Date(clock.now().getTime() - 60_000), { retraining: true });

    // Act
    const next = await landed(fraudLanding('cc'), lambdaContext);

    // Assess
    expect(whilePaused).toMatchObject({ status: 'skipped', skipReason: 'paused' });
    expect(next.status).toBe('started');
    expect(sagemaker).toHaveReceivedCommandTimes(StartPipelineExecutionCommand, 1);
    expect(await table.records.get('PAUSE#MODEL#fraud', 'current')).toMatchObject({
      retraining: false,
      deployment: true,
      version: 2,
    });
  });
});
