import { describeEvent } from '../src/demo/describeEvent.js';
import { describeRecord } from '../src/demo/describeRecord.js';
import { formatTimelineEntry } from '../src/demo/formatTimelineEntry.js';
import { renderSlackMessage } from '../src/demo/renderSlackMessage.js';

const logEntry = (detailType: string, detail: Record<string, unknown>, source = 'fleet.trigger-retraining') => ({
  sequence: 1,
  receivedAt: '2025-06-02T09:00:00.500Z',
  bus: 'fleet-local',
  origin: 'PutEvents' as const,
  matchedRules: [],
  event: {
    version: '0',
    id: 'e1',
    'detail-type': detailType,
    source,
    account: '123456789012',
    time: '2025-06-02T09:00:00Z',
    region: 'eu-west-1',
    resources: [],
    detail,
  },
});

describe('the demo timeline', () => {
  it('formats an entry as time, service, event, decision and why, with details below', () => {
    // Act
    const lines = formatTimelineEntry({
      at: '2025-06-02T09:00:00Z',
      service: 's3',
      event: 'Object Created',
      decision: 'delivered',
      why: 'raw/a.csv',
      details: ['first'],
    });

    // Assess
    expect(lines).toEqual([
      '09:00:00  s3                   Object Created          delivered            raw/a.csv',
      '                               · first',
    ]);
  });

  it('explains a debounced skip with the window of the pipeline', () => {
    // Act
    const entry = describeEvent(
      logEntry('Retraining Skipped', {
        correlationId: 'c1',
        pipeline: 'churn-retrain',
        trigger: { kind: 'dataset', id: 'x' },
        reason: 'dataset churn validated',
        skipReason: 'debounced',
      }),
      { config: { pipelines: { 'churn-retrain': { guards: { debounceSeconds: 120 } } } } as never },
    );

    // Assess
    expect(entry).toMatchObject({
      service: 'trigger-retraining',
      decision: 'skipped: debounced',
      why: 'churn-retrain waits until the prefix has been quiet for 120s',
      correlationId: 'c1',
    });
  });

  it('lists the issues of a rejected dataset with their line and column', () => {
    // Act
    const entry = describeEvent(
      logEntry(
        'Dataset Rejected',
        {
          key: 'raw/churn/x.csv',
          contract: 'contracts/churn.yaml',
          issueCounts: { not_an_integer: 1 },
          issues: [{ code: 'not_an_integer', message: '"twelve" is not an integer', line: 4, column: 'tenure_months' }],
        },
        'fleet.validate-dataset',
      ),
    );

    // Assess
    expect(entry.why).toBe('raw/churn/x.csv: 1 issue against contracts/churn.yaml (not_an_integer ×1)');
    expect(entry.details).toEqual(['line 4, column tenure_months: "twelve" is not an integer [not_an_integer]']);
  });

  it('carries the decision of an approval and says who decided and why', () => {
    // Act
    const entry = describeEvent(
      logEntry(
        'Approval Decided',
        {
          correlationId: 'c1',
          approvalId: 'ap-1',
          model: 'churn',
          modelPackageArn: 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/3',
          decision: 'rejected',
          decidedBy: 'U0ANA',
          decidedByName: 'ana',
          reason: 'rejected in Slack',
        },
        'fleet.approval-callback',
      ),
    );

    // Assess
    expect(entry).toMatchObject({
      service: 'approval-callback',
      event: 'Approval Decided',
      decision: 'rejected',
      why: 'churn/3 rejected by @ana (U0ANA): rejected in Slack',
    });
  });

  it('names a model package state change by its approval status', () => {
    // Act
    const entry = describeEvent(
      logEntry(
        'SageMaker Model Package State Change',
        {
          ModelPackageArn: 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/1',
          ModelApprovalStatus: 'PendingManualApproval',
        },
        'aws.sagemaker',
      ),
    );

    // Assess
    expect(entry).toMatchObject({
      service: 'sagemaker',
      event: 'Package State Change',
      decision: 'pending approval',
      why: 'churn/1 is PendingManualApproval',
    });
  });

  it('describes an endpoint state change and a deployment by status and package', () => {
    // Act
    const endpoint = describeEvent(
      logEntry(
        'SageMaker Endpoint State Change',
        {
          EndpointName: 'churn',
          EndpointConfigName: 'churn-v1',
          EndpointStatus: 'IN_SERVICE',
          ProductionVariants: [{ VariantName: 'AllTraffic', CurrentWeight: 1 }],
        },
        'aws.sagemaker',
      ),
    );
    const deployed = describeEvent(
      logEntry(
        'Model Deployed',
        {
          model: 'churn',
          modelPackageArn: 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/1',
          endpointName: 'churn',
          strategy: 'canary',
        },
        'fleet.approval-callback',
      ),
    );

    // Assess
    expect(endpoint).toMatchObject({
      service: 'sagemaker',
      event: 'Endpoint State Change',
      decision: 'in service',
      why: 'churn IN_SERVICE on churn-v1 (AllTraffic weight 1)',
    });
    expect(deployed).toMatchObject({ decision: 'deployed', why: 'churn/1 serves on endpoint churn (canary)' });
  });

  it('lists an approval record with its decision and the package description', () => {
    // Act
    const line = describeRecord({
      pk: 'MODEL#churn',
      sk: '2025-06-02T09:22:00Z#approval#ap-1',
      at: '2025-06-02T09:22:00Z',
      kind: 'approval',
      modelPackageArn: 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/1',
      decision: 'approved',
      decidedBy: 'U0ANA',
      decidedByName: 'ana',
      description: 'Approved by @ana (U0ANA) in Slack at 2025-06-02T09:41Z',
    } as never);

    // Assess
    expect(line).toMatchObject({
      kind: 'approval',
      decision: 'approved',
      why: 'churn/1 by @ana: Approved by @ana (U0ANA) in Slack at 2025-06-02T09:41Z',
    });
  });

  it('says what drifted, how badly and where the report is, for a drift event and a drift record', () => {
    // Act
    const detected = describeEvent(
      logEntry(
        'Drift Detected',
        {
          model: 'churn',
          severity: 'critical',
          driftedFeatures: ['tenure_months', 'prediction'],
          driftShare: 0.4,
          reportKey: 'reports/drift/churn/w/report.html',
        },
        'fleet.drift-monitor',
      ),
    );
    const record = describeRecord({
      pk: 'MODEL#churn',
      sk: '2025-06-03T08:50:00.000Z#drift#d-1',
      at: '2025-06-03T08:50:00.000Z',
      kind: 'drift',
      status: 'no_drift',
      rows: { baseline: 8000, current: 300, predictions: 300 },
      driftedFeatures: [],
    } as never);

    // Assess
    expect(detected).toMatchObject({
      service: 'drift-monitor',
      event: 'Drift Detected',
      decision: 'critical',
      why: 'churn: tenure_months, prediction (share 0.40); report reports/drift/churn/w/report.html',
    });
    expect(record).toMatchObject({ kind: 'drift', decision: 'no_drift', why: '300 predictions; nothing drifted' });
  });

  it('renders a Slack message as people see it: header, fields, sections, buttons and context', () => {
    // Act
    const lines = renderSlackMessage({
      text: 'Approval needed',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Approval needed: churn v1' } },
        { type: 'section', fields: [{ type: 'mrkdwn', text: '*Model*\nchurn' }] },
        { type: 'section', text: { type: 'mrkdwn', text: '*Challenger*\n• `roc_auc` 0.88 _new_' } },
        {
          type: 'actions',
          elements: [
            { type: 'button', text: { type: 'plain_text', text: 'Approve' }, action_id: 'approve' },
            { type: 'button', text: { type: 'plain_text', text: 'Reject' }, action_id: 'reject' },
          ],
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'approval `ap-1`' }] },
      ],
    });

    // Assess
    expect(lines).toEqual([
      'Approval needed: churn v1',
      'Model: churn',
      'Challenger',
      '• roc_auc 0.88 new',
      '[ Approve ]  [ Reject ]',
      'approval ap-1',
    ]);
  });
});
