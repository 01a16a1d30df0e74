import { FleetMetric } from '@fleet/shared';
import { requestApproval } from '../../../src/app/requestApproval.js';
import { startApproval } from '../../../src/app/startApproval.js';
import { approvalIdFor } from '../../../src/domain/approvalId.js';
import { fakePorts, packageArn, testConfig } from '../../support/fakes.js';
import { requestMessage } from '../../support/scenario.js';

const config = testConfig();
const change = (version: number, overrides: Record<string, unknown> = {}) => ({
  eventId: `evt-${version}`,
  modelPackageGroup: 'churn',
  modelPackageArn: packageArn('churn', version),
  modelPackageVersion: version,
  status: 'PendingManualApproval',
  ...overrides,
});
const options = (owner = 'req-1') => ({ owner, leaseMs: 30_000 });

describe('startApproval', () => {
  it('starts one execution named after the package version and attempt', async () => {
    // Prepare
    const { ports, workflow, metrics } = fakePorts();

    // Act
    const outcome = await startApproval(change(3), config, ports, options());

    // Assess
    expect(outcome).toMatchObject({
      status: 'started',
      approvalId: approvalIdFor(packageArn('churn', 3), 1),
      attempt: 1,
    });
    expect(workflow.starts).toEqual([
      {
        name: 'churn-v3-a1',
        input: {
          model: 'churn',
          modelPackageGroup: 'churn',
          modelPackageArn: packageArn('churn', 3),
          modelPackageVersion: 3,
          attempt: 1,
          approvalId: approvalIdFor(packageArn('churn', 3), 1),
          correlationId: 'evt-3',
        },
      },
    ]);
    expect(metrics.counts[FleetMetric.ApprovalsStarted]).toBe(1);
  });

  it('starts nothing for a duplicate of a started package, whoever delivers it', async () => {
    // Prepare
    const { ports, workflow } = fakePorts();
    await startApproval(change(3), config, ports, options('req-1'));

    // Act
    const again = await startApproval(change(3, { eventId: 'evt-other' }), config, ports, options('req-2'));

    // Assess
    expect(again.status).toBe('duplicate');
    expect(workflow.starts).toHaveLength(1);
  });

  it.each([
    ['a group no model approves', { modelPackageGroup: 'other' }],
    ["the fleet's own update to Approved", { status: 'Approved' }],
    ["the fleet's own update to Rejected", { status: 'Rejected' }],
  ])('ignores %s', async (_case, overrides) => {
    // Prepare
    const { ports, workflow, metrics } = fakePorts();

    // Act
    const outcome = await startApproval(change(3, overrides), config, ports, options());

    // Assess
    expect(outcome.status).toBe('ignored');
    expect(workflow.starts).toEqual([]);
    expect(metrics.counts[FleetMetric.ApprovalsIgnored]).toBe(1);
  });

  it('inherits the correlation id of the retraining that registered the package', async () => {
    // Prepare
    const { ports, records, workflow } = fakePorts();
    const executionArn = 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn-retrain/execution/abc123';
    await records.put({
      pk: 'PIPELINE#churn-retrain',
      sk: '2026-03-01T08:00:00.000Z#trigger#dec-1',
      kind: 'trigger',
      id: 'dec-1',
      at: '2026-03-01T08:00:00.000Z',
      correlationId: 'landing-42',
    });
    await records.put({
      pk: `EXECUTION#${executionArn}`,
      sk: 'pointer',
      kind: 'trigger',
      id: executionArn,
      at: '2026-03-01T08:00:00.000Z',
      correlationId: 'landing-42',
      pipeline: 'churn-retrain',
      decisionAt: '2026-03-01T08:00:00.000Z',
      decisionId: 'dec-1',
    });

    // Act
    await startApproval(change(3, { generatedBy: executionArn }), config, ports, options());

    // Assess
    expect(workflow.starts[0]?.input.correlationId).toBe('landing-42');
  });

  it('supersedes the pending approval of an older package of the same model', async () => {
    // Prepare
    const { ports, workflow, events, store } = fakePorts();
    await startApproval(change(3), config, ports, options('req-1'));
    await requestApproval(requestMessage(3), ports, options('req-1'));

    // Act
    const outcome = await startApproval(change(4), config, ports, options('req-2'));

    // Assess
    const olderId = approvalIdFor(packageArn('churn', 3), 1);
    expect(outcome).toMatchObject({ status: 'started', superseded: olderId });
    expect(workflow.stopped.map((s) => s.executionArn)).toEqual([
      'arn:aws:states:eu-west-1:123456789012:execution:fleet-test-approval:churn-v3-a1',
    ]);
    expect(events.ofType('Approval Decided').map((e) => e.detail)).toEqual([
      expect.objectContaining({ approvalId: olderId, decision: 'superseded', decidedBy: 'fleet:supersede' }),
    ]);
    const record = await store.getApproval('churn', '2026-03-02T12:00:00.000Z', olderId);
    expect(record).toMatchObject({ state: 'closed', decision: 'superseded' });
    expect((await store.getCurrent('churn'))?.modelPackageVersion).toBe(4);
  });

  it('ignores a package older than the one already in approval', async () => {
    // Prepare
    const { ports, workflow } = fakePorts();
    await startApproval(change(4), config, ports, options('req-1'));

    // Act
    const outcome = await startApproval(change(3), config, ports, options('req-2'));

    // Assess
    expect(outcome.status).toBe('ignored');
    expect(workflow.starts.map((s) => s.name)).toEqual(['churn-v4-a1']);
    expect(workflow.stopped).toEqual([]);
  });

  it('fails its lease when the start fails, so the retry starts it', async () => {
    // Prepare
    const { ports, workflow } = fakePorts();
    const start = workflow.start.bind(workflow);
    let calls = 0;
    workflow.start = async (name, input) => {
      if (++calls === 1) throw Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
      return start(name, input);
    };

    // Act
    await expect(startApproval(change(3), config, ports, options('req-1'))).rejects.toThrow('slow down');
    const retried = await startApproval(change(3), config, ports, options('req-1'));

    // Assess
    expect(retried.status).toBe('started');
    expect(workflow.starts).toHaveLength(1);
  });
});
