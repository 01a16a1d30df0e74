import type { FleetRecord } from '@fleet/shared';
import { describeRecord } from '../../src/audit/describeRecord.js';
import { isAuditRecord } from '../../src/audit/isAuditRecord.js';

const PACKAGE = 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn';
const EXECUTION = 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn-retrain/execution/abc123';

/** A record of `kind` at a fixed time with `fields`. */
const record = (pk: string, kind: string, fields: Record<string, unknown>): FleetRecord =>
  ({
    pk,
    sk: `2025-06-02T09:00:00.000Z#${kind}#id-1`,
    kind,
    id: 'id-1',
    at: '2025-06-02T09:00:00.000Z',
    correlationId: 'corr-1',
    ...fields,
  }) as FleetRecord;

describe('describeRecord', () => {
  it('says a validated object, its rows and its contract', () => {
    // Act
    const line = describeRecord(
      record('DATASET#churn', 'validation', {
        verdict: 'validated',
        key: 'raw/churn/a.csv',
        rows: 7043,
        issueCounts: {},
        contract: 'churn',
      }),
    );

    // Assess
    expect(line).toEqual({
      at: '2025-06-02T09:00:00.000Z',
      pk: 'DATASET#churn',
      kind: 'validation',
      decision: 'validated',
      why: 'raw/churn/a.csv: 7043 rows, 0 issues against churn',
    });
  });

  it('names the first three issues of a rejected object, with their place', () => {
    // Act
    const line = describeRecord(
      record('DATASET#churn', 'validation', {
        verdict: 'rejected',
        key: 'raw/churn/broken.csv',
        rows: 300,
        issueCounts: { missing_value: 2, not_in_values: 2 },
        contract: 'churn',
        issues: [
          { code: 'missing_value', message: 'tenure is empty', line: 4, column: 'tenure' },
          { code: 'missing_value', message: 'charges is empty', line: 9 },
          { code: 'not_in_values', message: '"Three year" is not one of ...' },
          { code: 'not_in_values', message: 'never shown' },
        ],
      }),
    );

    // Assess
    expect(line.decision).toBe('rejected');
    expect(line.why).toBe(
      'raw/churn/broken.csv: 300 rows, 4 issues against churn; first: missing_value (line 4, column tenure): tenure is empty; missing_value (line 9): charges is empty; not_in_values: "Three year" is not one of ...',
    );
  });

  it('says a started run, how it ended, and why it started', () => {
    // Act
    const line = describeRecord(
      record('PIPELINE#churn-retrain', 'trigger', {
        decision: 'started',
        executionArn: EXECUTION,
        executionStatus: 'Succeeded',
        executionEndedAt: '2025-06-02T09:20:00.000Z',
        reason: '1 dataset landing',
      }),
    );

    // Assess
    expect(line).toMatchObject({
      decision: 'started',
      why: 'churn-retrain/abc123 succeeded at 2025-06-02T09:20:00.000Z; 1 dataset landing',
    });
  });

  it('names the guard that skipped a trigger, paused included', () => {
    // Act
    const paused = describeRecord(
      record('PIPELINE#churn-retrain', 'trigger', {
        decision: 'skipped',
        skipReason: 'paused',
        reason: 'retraining of churn is paused by ops',
      }),
    );
    const failed = describeRecord(
      record('PIPELINE#churn-retrain', 'trigger', {
        decision: 'failed',
        failure: { code: 'ThrottlingException', message: 'Rate exceeded' },
        reason: 'schedule',
      }),
    );

    // Assess
    expect(paused).toMatchObject({ decision: 'skipped: paused', why: 'retraining of churn is paused by ops' });
    expect(failed).toMatchObject({ decision: 'failed', why: 'ThrottlingException: Rate exceeded; schedule' });
  });

  it('says what drifted and how badly', () => {
    // Act
    const line = describeRecord(
      record('MODEL#churn', 'drift', {
        status: 'drift',
        severity: 'critical',
        rows: { predictions: 300 },
        driftedFeatures: ['tenure_months', 'prediction'],
      }),
    );

    // Assess
    expect(line).toMatchObject({
      decision: 'drift (critical)',
      why: '300 predictions; drifted: tenure_months, prediction',
    });
  });

  it('says which link of the lineage a drift check could not follow', () => {
    // Act
    const line = describeRecord(
      record('MODEL#churn', 'drift', {
        status: 'baseline_unresolved',
        missingLink: 'execution-pointer',
        reason: 'no pointer for the serving package',
      }),
    );

    // Assess
    expect(line).toMatchObject({
      decision: 'baseline_unresolved',
      why: 'nothing drifted; missing link: execution-pointer; no pointer for the serving package',
    });
  });

  it('says who decided an approval, and an expiry without anyone', () => {
    // Act
    const approved = describeRecord(
      record('MODEL#churn', 'approval', {
        decision: 'approved',
        modelPackageArn: `${PACKAGE}/1`,
        decidedBy: 'U0ANA',
        decidedByName: 'ana',
        description: 'Approved by @ana (U0ANA) in Slack',
      }),
    );
    const expired = describeRecord(
      record('MODEL#churn', 'approval', {
        decision: 'expired',
        modelPackageArn: `${PACKAGE}/2`,
        decidedBy: 'fleet:timeout',
        reason: 'nobody answered in 24 h',
      }),
    );
    const pending = describeRecord(
      record('MODEL#churn', 'approval', { state: 'sent', modelPackageArn: `${PACKAGE}/3` }),
    );

    // Assess
    expect(approved).toMatchObject({ decision: 'approved', why: 'churn/1 by @ana: Approved by @ana (U0ANA) in Slack' });
    expect(expired).toMatchObject({ decision: 'expired', why: 'churn/2 by fleet:timeout: nobody answered in 24 h' });
    expect(pending).toMatchObject({ decision: 'sent', why: 'churn/3: sent' });
  });

  it('says a deployment, a rollback by whom and replacing what, and a paused deployment', () => {
    // Act
    const deployed = describeRecord(
      record('MODEL#churn', 'deployment', {
        decision: 'deployed',
        modelPackageArn: `${PACKAGE}/2`,
        endpointName: 'churn',
        strategy: 'canary',
      }),
    );
    const rollback = describeRecord(
      record('MODEL#churn', 'deployment', {
        decision: 'deployed',
        trigger: 'rollback',
        requestedBy: 'ops',
        previousModelPackageArn: `${PACKAGE}/2`,
        modelPackageArn: `${PACKAGE}/1`,
        endpointName: 'churn',
        strategy: 'canary',
      }),
    );
    const rolledBack = describeRecord(
      record('MODEL#churn', 'deployment', {
        decision: 'rolled_back',
        modelPackageArn: `${PACKAGE}/3`,
        endpointName: 'churn',
        message: 'alarm Invocation5XXErrors in ALARM',
      }),
    );
    const paused = describeRecord(
      record('MODEL#churn', 'deployment', {
        decision: 'paused',
        modelPackageArn: `${PACKAGE}/4`,
        endpointName: 'churn',
        reason: 'deployments of churn are paused',
      }),
    );

    // Assess
    expect(deployed).toMatchObject({ decision: 'deployed', why: 'churn/2 on endpoint churn (canary)' });
    expect(rollback).toMatchObject({
      decision: 'deployed',
      why: 'rollback requested by ops, replacing churn/2: churn/1 on endpoint churn (canary)',
    });
    expect(rolledBack).toMatchObject({
      decision: 'rolled_back',
      why: 'churn/3 on endpoint churn: alarm Invocation5XXErrors in ALARM',
    });
    expect(paused).toMatchObject({
      decision: 'paused',
      why: 'churn/4 on endpoint churn: deployments of churn are paused',
    });
  });

  it('says who paused or resumed a model and what is paused after it', () => {
    // Act
    const line = describeRecord(
      record('MODEL#churn', 'pause', {
        decision: 'paused',
        retraining: true,
        deployment: false,
        by: 'ops',
        reason: 'data incident',
      }),
    );

    // Assess
    expect(line).toMatchObject({
      kind: 'pause',
      decision: 'paused',
      why: 'by ops: retraining paused, deployment running; data incident',
    });
  });

  it('says what a redrive re-sent, where to and how it had failed', () => {
    // Act
    const line = describeRecord(
      record('QUEUE#fleet-notify-dev-dlq', 'redrive', {
        decision: 'redriven',
        by: 'ops',
        source: 'lambda-destination',
        target: 'arn:aws:lambda:eu-west-1:123456789012:function:fleet-notify-dev-slackDelivery',
        errorCode: 'SlackError',
        errorMessage: 'ratelimited',
      }),
    );

    // Assess
    expect(line).toMatchObject({
      decision: 'redriven',
      why: 'by ops: lambda-destination dead letter to fleet-notify-dev-slackDelivery; it had failed with SlackError: ratelimited',
    });
  });

  it('shows a kind it does not know by its status and reason', () => {
    // Act
    const line = describeRecord(record('MODEL#churn', 'delivery', { status: 'delivered', reason: 'slack' }));

    // Assess
    expect(line).toMatchObject({ kind: 'delivery', decision: 'delivered', why: 'slack' });
  });
});

describe('isAuditRecord', () => {
  it('keeps histories and redrives and leaves out claims, pointers, pending landings and switches', () => {
    // Prepare
    const items = [
      record('DATASET#churn', 'validation', {}),
      record('PIPELINE#churn-retrain', 'trigger', {}),
      record('MODEL#churn', 'deployment', {}),
      record('QUEUE#fleet-dev-dlq', 'redrive', {}),
      record('IDEMPOTENCY#token', 'idempotency', {}),
      record(`EXECUTION#${EXECUTION}`, 'trigger', {}),
      record('DEBOUNCE#churn-retrain#raw/churn/', 'idempotency', {}),
      record('PAUSE#MODEL#churn', 'pause', {}),
      record('APPROVAL#ap-1', 'approval', {}),
    ];

    // Act
    const kept = items.filter(isAuditRecord).map((item) => item.pk);

    // Assess
    expect(kept).toEqual(['DATASET#churn', 'PIPELINE#churn-retrain', 'MODEL#churn', 'QUEUE#fleet-dev-dlq']);
  });
});
