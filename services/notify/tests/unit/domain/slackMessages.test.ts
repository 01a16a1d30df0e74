import { type FleetDetailType, fleetEvents } from '@fleet/shared';
import { severityOf } from '../../../src/domain/routing/severityOf.js';
import {
  approvalDecidedReply,
  approvalDecidedTopLevel,
  approvalDecidedUpdate,
} from '../../../src/domain/slack/messages/approvalDecidedMessages.js';
import { approvalRequestedMessage } from '../../../src/domain/slack/messages/approvalRequestedMessage.js';
import { digestMessage } from '../../../src/domain/slack/messages/digestMessage.js';
import { slackMessageFor } from '../../../src/domain/slack/messages/slackMessageFor.js';
import type { ActionsBlock, SlackMessage } from '../../../src/domain/slack/SlackMessage.js';
import { slackLimitProblems } from '../../../src/domain/slack/slackLimits.js';
import { sampleDetail } from '../../support/sampleEvents.js';

const huge = (n: number) => 'x'.repeat(n);
const ctx = {
  stage: 'test',
  reportUrl: `https://api.example.com/reports/churn/r.html?expires=1&signature=${'s'.repeat(43)}`,
};

/** Each catalog event with every free-text field as long as its schema allows (or absurdly long). */
const oversized: Partial<Record<FleetDetailType, Record<string, unknown>>> = {
  'Dataset Rejected': {
    dataset: huge(5000),
    key: huge(1024),
    issueCounts: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`code_${i}_${huge(50)}`, i])),
    issues: Array.from({ length: 20 }, (_, i) => ({
      code: `c${i}`,
      message: huge(4000),
      line: i + 1,
      column: huge(300),
    })),
  },
  'Retraining Failed': { pipeline: huge(3000), failure: { code: huge(500), message: huge(50_000) } },
  'Drift Detected': {
    model: huge(2000),
    driftedFeatures: Array.from({ length: 2000 }, (_, i) => `f${i}`),
    topFeatures: Array.from({ length: 10 }, (_, i) => ({
      name: `${huge(400)}${i}`,
      test: huge(100),
      statistic: 0.123456789,
      threshold: 0.05,
      pValue: 0.001,
    })),
  },
  'Approval Requested': {
    model: huge(1000),
    approvalId: huge(1500),
    metrics: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`metric_${i}_${huge(100)}`, i / 7])),
  },
  'Approval Decided': { model: huge(1000), reason: huge(1024), decidedBy: huge(400) },
  'Model Deployed': { model: huge(3000), endpointName: huge(3000), strategy: huge(3000) },
  'Deployment Failed': { model: huge(3000), failure: { code: 'rolled_back', message: huge(100_000) } },
};

const detailTypes = Object.keys(fleetEvents) as FleetDetailType[];

describe('Slack messages', () => {
  it.each(detailTypes)('builds a %s message within Slack limits, with fallback text', (detailType) => {
    // Prepare
    const detail = sampleDetail(detailType);

    // Act
    const message = slackMessageFor(detailType, detail, severityOf(detailType, detail), ctx);

    // Assess
    expect(slackLimitProblems(message)).toEqual([]);
    expect(message.text.length).toBeGreaterThan(10);
  });

  it.each(Object.keys(oversized) as FleetDetailType[])('keeps an oversized %s within Slack limits', (detailType) => {
    // Prepare
    const detail = sampleDetail(detailType, oversized[detailType]);

    // Act
    const messages: SlackMessage[] = [slackMessageFor(detailType, detail, severityOf(detailType, detail), ctx)];
    if (detailType === 'Approval Decided') {
      const decided = detail as ReturnType<typeof sampleDetail<'Approval Decided'>>;
      messages.push(approvalDecidedUpdate(decided), approvalDecidedReply(decided), approvalDecidedTopLevel(decided));
    }

    // Assess
    for (const message of messages) expect(slackLimitProblems(message)).toEqual([]);
  });

  it('reports every limit a message breaks', () => {
    // Prepare
    const message: SlackMessage = {
      text: '',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: huge(151) } },
        { type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn' as const, text: huge(2001) })) },
        {
          type: 'actions',
          elements: [
            { type: 'button', text: { type: 'plain_text', text: huge(76) }, action_id: 'a', value: huge(2001) },
          ],
        },
        ...Array.from({ length: 48 }, () => ({ type: 'divider' as const })),
      ],
    };

    // Act
    const problems = slackLimitProblems(message);

    // Assess
    expect(problems).toEqual(
      expect.arrayContaining([
        'text: empty fallback text',
        'blocks: 51 blocks, limit 50',
        'blocks[0].text: 151 characters, limit 150',
        'blocks[1].fields: 11 fields, limit 10',
        'blocks[1].fields[0]: 2001 characters, limit 2000',
        'blocks[2].elements[0].text: 76 characters, limit 75',
        'blocks[2].elements[0].value: 2001 characters, limit 2000',
      ]),
    );
  });

  it('asks for approval with the model, version, metrics against the champion, expiry and confirmed buttons', () => {
    // Prepare
    const detail = sampleDetail('Approval Requested');

    // Act
    const message = approvalRequestedMessage(detail);

    // Assess
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('churn v3');
    expect(text).toContain('`roc_auc` 0.88 vs 0.86 (+0.02)');
    expect(text).toContain('2026-03-03 12:00 UTC');
    const actions = message.blocks.find((block): block is ActionsBlock => block.type === 'actions');
    expect(actions?.elements.map((b) => [b.action_id, b.style, b.value, b.text.text])).toEqual([
      ['approve', 'primary', 'appr-1', 'Approve'],
      ['reject', 'danger', 'appr-1', 'Reject'],
    ]);
    expect(actions?.elements.every((b) => b.confirm !== undefined)).toBe(true);
  });

  it('shows the version the producer sends, and the name of who decided', () => {
    // Prepare
    const requested = sampleDetail('Approval Requested', { modelPackageVersion: 12 });
    const decided = sampleDetail('Approval Decided', { modelPackageVersion: 12, decidedByName: 'ana' });

    // Act
    const request = approvalRequestedMessage(requested);
    const reply = approvalDecidedReply(decided);

    // Assess
    expect(request.text).toContain('churn version 12');
    expect(JSON.stringify(reply.blocks)).toContain('by <@U0FLEETAPPROVER> (ana)');
  });

  it('removes the buttons and says who decided and when once decided', () => {
    // Prepare
    const detail = sampleDetail('Approval Decided');

    // Act
    const update = approvalDecidedUpdate(detail);
    const reply = approvalDecidedReply(detail);

    // Assess
    expect(update.blocks.some((block) => block.type === 'actions')).toBe(false);
    expect(JSON.stringify(update.blocks)).toContain('*Approved* by <@U0FLEETAPPROVER> at 2026-03-02 13:00 UTC');
    expect(reply.text).toContain('better roc_auc');
  });

  it('lists drifted features with statistics only and links the report', () => {
    // Prepare
    const detail = sampleDetail('Drift Detected');

    // Act
    const message = slackMessageFor('Drift Detected', detail, 'critical', ctx);

    // Assess
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('`tenure_months` ks 0.184 (threshold 0.05, p=0.0004)');
    expect(text).toContain(ctx.reportUrl);
  });

  it('escapes mrkdwn in values so a key cannot become a link or a mention', () => {
    // Prepare
    const detail = sampleDetail('Retraining Failed', {
      failure: { code: 'Failed', message: '<!channel> & <https://evil|x>' },
    });

    // Act
    const message = slackMessageFor('Retraining Failed', detail, 'error', ctx);

    // Assess
    expect(JSON.stringify(message.blocks)).toContain('&lt;!channel&gt; &amp; &lt;https://evil|x&gt;');
  });

  it('gathers a burst of events into one digest within Slack limits', () => {
    // Prepare
    const items = Array.from({ length: 600 }, (_, i) => ({
      detailType: 'Dataset Rejected',
      severity: 'warning' as const,
      line: `Dataset rejected: s3://b/raw/churn/part-${i}.csv ${huge(300)}`,
      at: '2026-03-02T12:00:00Z',
      eventKey: `k${i}`,
    }));

    // Act
    const message = digestMessage(items, 7, { from: '2026-03-02T12:00:00Z', to: '2026-03-02T12:00:30Z' });

    // Assess
    expect(slackLimitProblems(message)).toEqual([]);
    expect(message.text).toContain('607 notifications: 600 × Dataset Rejected, and 7 more');
  });
});
