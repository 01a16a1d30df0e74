import type { Comparison } from '../../src/app/compare.js';
import { expireApproval } from '../../src/app/expireApproval.js';
import { requestApproval } from '../../src/app/requestApproval.js';
import { approvalIdFor } from '../../src/domain/approvalId.js';
import { createRequestAgainHandler } from '../../src/handlers/requestAgain.js';
import { createStartApprovalHandler } from '../../src/handlers/startApproval.js';
import { fakePorts, packageArn, testConfig } from '../support/fakes.js';
import { lambdaContext } from '../support/lambdaContext.js';
import { loadEvent } from '../support/loadEvent.js';
import { recordsTablePerTest } from '../support/recordsTable.js';
import { executionInput, requestMessage } from '../support/scenario.js';

// Starting approvals over dynalite (real HTTP, real conditional writes); Step Functions is an
// in-memory fake that records starts and stops.
const table = recordsTablePerTest();

type StateChange = { id: string; detail: Record<string, unknown> };
const pending = (version: number): StateChange => {
  const event = loadEvent<StateChange>('model-package-pending.json');
  event.id = `evt-v${version}-${Math.random()}`;
  Object.assign(event.detail, { ModelPackageVersion: version, ModelPackageArn: packageArn('churn', version) });
  return event;
};
const comparison: Comparison = {
  metric: 'roc_auc',
  challenger: 0.84,
  metrics: { roc_auc: 0.84 },
  champion: null,
  championMetrics: null,
  gate: { passed: true, reason: 'roc_auc 0.84 vs no champion' },
  expiresAt: '2026-03-03T12:00:00.000Z',
};

const setUp = () => {
  const fake = fakePorts({ records: table.records });
  const start = createStartApprovalHandler(() => ({ config: testConfig(), ports: fake.ports }));
  return { ...fake, start };
};

describe('starting approvals over dynalite', () => {
  it('starts one approval from three concurrent duplicate state-change events', async () => {
    // Prepare
    const { start, workflow } = setUp();

    // Act
    const outcomes = await Promise.all([1, 2, 3].map(() => start(pending(3), lambdaContext())));

    // Assess
    expect(workflow.starts.map((s) => s.name)).toEqual(['churn-v3-a1']);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['duplicate', 'duplicate', 'started']);
  });

  it('supersedes the pending approval of an older package when a newer one arrives', async () => {
    // Prepare
    const { start, workflow, events, ports, store } = setUp();
    await start(pending(3), lambdaContext());
    await requestApproval(requestMessage(3), ports, { owner: 'req-r', leaseMs: 30_000 });
    events.published.length = 0;

    // Act
    const outcome = await start(pending(4), lambdaContext());

    // Assess
    const older = approvalIdFor(packageArn('churn', 3), 1);
    expect(outcome).toMatchObject({ status: 'started', superseded: older });
    expect(workflow.stopped).toHaveLength(1);
    expect(events.ofType('Approval Decided').map((e) => e.detail)).toEqual([
      expect.objectContaining({ approvalId: older, decision: 'superseded', expiresAt: '2026-03-03T12:00:00.000Z' }),
    ]);
    expect(await store.getApproval('churn', requestMessage(3).requestedAt, older)).toMatchObject({
      state: 'closed',
      decision: 'superseded',
    });
  });

  it('asks again after an expiry with a new attempt, once however often it is called', async () => {
    // Prepare
    const { start, workflow, ports, registry } = setUp();
    registry.add({
      modelPackageArn: packageArn('churn', 3),
      modelPackageGroup: 'churn',
      version: 3,
      status: 'PendingManualApproval',
    });
    await start(pending(3), lambdaContext());
    await requestApproval(requestMessage(3), ports, { owner: 'req-r', leaseMs: 30_000 });
    await expireApproval({ ...executionInput(3), comparison }, testConfig(), ports);
    const again = createRequestAgainHandler(() => ({ config: testConfig(), ports }));

    // Act
    const first = await again({ modelPackageArn: packageArn('churn', 3) }, lambdaContext());

    // Assess
    expect(first).toMatchObject({
      status: 'started',
      attempt: 2,
      approvalId: approvalIdFor(packageArn('churn', 3), 2),
    });
    expect(workflow.starts.map((s) => s.name)).toEqual(['churn-v3-a1', 'churn-v3-a2']);
    await expect(again({ modelPackageArn: packageArn('churn', 3) }, lambdaContext())).rejects.toMatchObject({
      name: 'ApprovalNotExpiredError',
    });
  });
});
