import { type FleetCloud, startFleetCloud } from '@fleet/cli/local';
import type { LocalCloud } from '@fleet/local-cloud';
import {
  APPROVAL_CHANNEL,
  APPROVER,
  approvalMessages,
  BYSTANDER,
  click,
  detailOf,
  detailsOf,
  repliesTo,
  retrain,
} from './support/approval.js';
import { churnRows, eventsOf } from './support/loop.js';

// The approval of a retrained model on the local cloud: the package the pipeline registers
// starts the approval state machine (Step Functions stand-in), notify posts the request to the
// Slack stand-in, and the clicks come back signed over the HTTP API, as Slack sends them.

/** A whole retrain and approval on the local clock takes a few seconds of wall-clock time per step. */
const SCENARIO_MS = 120_000;

const PACKAGE_1 = 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/1';

describe('the approval of a retrained model on the local cloud', () => {
  let fleet: FleetCloud | undefined;

  const start = async (options: Parameters<typeof startFleetCloud>[0] = {}) => {
    fleet = await startFleetCloud(options);
    return { fleet, cloud: fleet.cloud };
  };

  afterEach(async () => {
    await fleet?.stop();
    fleet = undefined;
  });

  const approvalExecutions = (cloud: LocalCloud) => cloud.stepFunctions.executions();
  /** The states an execution has left, in order (an approved package goes on to its deployment). */
  const statesLeft = (cloud: LocalCloud, executionArn: string) =>
    cloud.stepFunctions
      .history(executionArn)
      .map((event) => (event.stateExitedEventDetails as { name?: string } | undefined)?.name)
      .filter((name): name is string => name !== undefined);
  const packageOf = (cloud: LocalCloud, arn: string) => cloud.sageMaker.registry.package(arn);

  it(
    'asks the approvers in Slack and applies an approval clicked there to the Model Registry, under the retraining correlation id',
    async () => {
      // Prepare
      const { fleet, cloud } = await start();
      await retrain(fleet);
      const [landing] = eventsOf(cloud, 'Object Created');
      const [registered] = cloud.sageMaker.registry.packages();
      const [requested] = detailsOf(cloud, 'Approval Requested');
      const [message] = approvalMessages(fleet);

      // Act: the approver clicks the message's own Approve button.
      const answer = await fleet.slack.clickButton({
        channel: APPROVAL_CHANNEL,
        ts: message.ts,
        actionId: 'approve',
        user: APPROVER,
      });
      await cloud.settle();

      // Assess
      expect(registered).toMatchObject({
        modelPackageArn: PACKAGE_1,
        generatedBy: cloud.executions()[0].pipelineExecutionArn,
      });
      expect(requested).toMatchObject({
        model: 'churn',
        modelPackageArn: PACKAGE_1,
        metrics: { roc_auc: 0.88, accuracy: 0.84 },
        correlationId: landing.id,
      });
      expect(message.text).toContain('churn');
      expect(answer.status).toBe(200);
      expect(repliesTo(fleet, answer)).toEqual(['You approved churn.']);
      const [execution] = approvalExecutions(cloud);
      expect(approvalExecutions(cloud)).toHaveLength(1);
      expect(execution.status).not.toBe('FAILED');
      expect(statesLeft(cloud, execution.executionArn).slice(0, 5)).toEqual([
        'IsRollback',
        'Compare',
        'Gate',
        'RequestApproval',
        'Apply',
      ]);
      expect(detailsOf(cloud, 'Approval Decided')).toEqual([
        expect.objectContaining({
          approvalId: requested.approvalId,
          decision: 'approved',
          decidedBy: APPROVER.id,
          decidedByName: APPROVER.username,
          correlationId: landing.id,
        }),
      ]);
      const applied = packageOf(cloud, PACKAGE_1);
      expect(applied?.modelApprovalStatus).toBe('Approved');
      expect(applied?.approvalDescription).toMatch(
        /^Approved by @ana \(U0FLEETAPPROVER\) in Slack at 2025-06-02T\d\d:\d\dZ; roc_auc 0\.88 vs no champion$/,
      );
      const chain = await fleet.byCorrelation(landing.id);
      expect(chain.filter((record) => record.kind === 'approval' && record.pk === 'MODEL#churn')).toEqual([
        expect.objectContaining({ id: requested.approvalId, decision: 'approved', modelPackageArn: PACKAGE_1 }),
      ]);
      // The fleet's own UpdateModelPackage emitted a state change too: it started nothing.
      expect(eventsOf(cloud, 'SageMaker Model Package State Change')).toHaveLength(2);
      expect(cloud.deadLetters()).toEqual([]);
    },
    SCENARIO_MS,
  );

  it(
    'rejects the package when an approver clicks Reject, and a click by someone else decides nothing',
    async () => {
      // Prepare
      const { fleet, cloud } = await start();
      await retrain(fleet);
      const [message] = approvalMessages(fleet);

      // Act
      const stranger = await click(fleet, message, 'approve', BYSTANDER);
      await cloud.settle();
      const afterStranger = detailsOf(cloud, 'Approval Decided').length;
      const answer = await click(fleet, message, 'reject');
      await cloud.settle();

      // Assess
      expect(stranger.status).toBe(200);
      expect(repliesTo(fleet, stranger)).toEqual(['You are not an approver of churn.']);
      expect(afterStranger).toBe(0);
      expect(repliesTo(fleet, answer)).toEqual(['You rejected churn.']);
      expect(detailsOf(cloud, 'Approval Decided').map((detail) => [detail.decision, detail.decidedBy])).toEqual([
        ['rejected', APPROVER.id],
      ]);
      expect(packageOf(cloud, PACKAGE_1)).toMatchObject({
        modelApprovalStatus: 'Rejected',
        approvalDescription: expect.stringMatching(/^Rejected by @ana \(U0FLEETAPPROVER\) in Slack at /),
      });
      expect(cloud.deadLetters()).toEqual([]);
    },
    SCENARIO_MS,
  );

  it(
    'rejects a challenger below the minimum without asking anyone',
    async () => {
      // Prepare
      const { fleet, cloud } = await start({ evaluationMetrics: { roc_auc: 0.65, accuracy: 0.7 } });

      // Act
      await retrain(fleet);

      // Assess
      expect(eventsOf(cloud, 'Approval Requested')).toEqual([]);
      expect(cloud.snsMessages()).toEqual([]);
      expect(approvalMessages(fleet)).toEqual([]);
      const [decided] = detailsOf(cloud, 'Approval Decided');
      expect(decided).toMatchObject({ decision: 'rejected', decidedBy: 'fleet:quality-gate' });
      expect(typeof decided.approvalId).toBe('string');
      expect(packageOf(cloud, PACKAGE_1)).toMatchObject({
        modelApprovalStatus: 'Rejected',
        approvalDescription: expect.stringContaining('roc_auc 0.65 is below the minimum 0.7'),
      });
      const [record] = (await fleet.history('MODEL#churn')).filter((item) => item.kind === 'approval');
      expect(record).toMatchObject({ id: decided.approvalId, decision: 'rejected', decidedBy: 'fleet:quality-gate' });
      expect(cloud.deadLetters()).toEqual([]);
    },
    SCENARIO_MS,
  );

  it(
    'rejects a challenger that regresses against the approved champion beyond maxRegression, without asking anyone',
    async () => {
      // Prepare: the first package (0.88) is approved in Slack and becomes the champion.
      const { fleet, cloud } = await start({
        evaluationMetrics: [
          { roc_auc: 0.88, accuracy: 0.84 },
          { roc_auc: 0.84, accuracy: 0.83 },
        ],
      });
      await retrain(fleet);
      await click(fleet, approvalMessages(fleet)[0], 'approve');
      await cloud.settle();
      await cloud.tick('2h');

      // Act: a second dataset, a second run, a second package at 0.84.
      await retrain(fleet, 'raw/churn/2025-06-02-late.csv', churnRows(1, 7000));

      // Assess
      expect(cloud.sageMaker.registry.packages().map((item) => item.modelApprovalStatus)).toEqual([
        'Approved',
        'Rejected',
      ]);
      expect(eventsOf(cloud, 'Approval Requested')).toHaveLength(1);
      const decided = detailsOf(cloud, 'Approval Decided');
      expect(decided.map((detail) => [detail.modelPackageVersion, detail.decision, detail.decidedBy])).toEqual([
        [1, 'approved', APPROVER.id],
        [2, 'rejected', 'fleet:quality-gate'],
      ]);
      expect(decided[1]).toMatchObject({ championMetrics: { roc_auc: 0.88 } });
      expect(cloud.sageMaker.registry.packages()[1].approvalDescription).toContain(
        'roc_auc 0.84 vs champion 0.88: a drop of 0.04, more than the allowed 0.02',
      );
      expect(cloud.deadLetters()).toEqual([]);
    },
    SCENARIO_MS,
  );

  it(
    'expires the approval when nobody decides within timeoutHours, keeps the package pending, and a later click changes nothing',
    async () => {
      // Prepare
      const { fleet, cloud } = await start();
      await retrain(fleet);
      const [message] = approvalMessages(fleet);
      const [requested] = detailsOf(cloud, 'Approval Requested');
      const timeoutHours = fleet.config.models.churn.approval?.timeoutHours ?? 24;
      // The nightly scheduled run falls within the wait; a package it registered would supersede
      // the pending approval, so in this scenario it fails.
      cloud.sageMaker.setRunPlan('churn-retrain', {
        duration: '20m',
        status: 'Failed',
        failureReason: 'Step Train failed: the nightly run of this scenario fails',
      });

      // Act
      await cloud.tick(`${timeoutHours * 60 - 1}m`);
      const beforeExpiry = detailsOf(cloud, 'Approval Decided').length;
      await cloud.tick('5m');
      const late = await click(fleet, message, 'approve');
      await cloud.settle();

      // Assess
      expect(beforeExpiry).toBe(0);
      expect(detailsOf(cloud, 'Approval Decided')).toEqual([
        expect.objectContaining({ approvalId: requested.approvalId, decision: 'expired', decidedBy: 'fleet:timeout' }),
      ]);
      expect(approvalExecutions(cloud).map((execution) => execution.status)).toEqual(['SUCCEEDED']);
      expect(late.status).toBe(200);
      expect(repliesTo(fleet, late)).toEqual([
        expect.stringMatching(/^This approval of churn expired at .*; nothing changed\.$/),
      ]);
      expect(packageOf(cloud, PACKAGE_1)?.modelApprovalStatus).toBe('PendingManualApproval');
      const [record] = (await fleet.history('MODEL#churn')).filter((item) => item.kind === 'approval');
      expect(record).toMatchObject({ decision: 'expired', state: 'closed' });
      expect(cloud.deadLetters()).toEqual([]);
    },
    SCENARIO_MS,
  );

  it(
    'takes one decision from ten concurrent clicks, and tells the nine others who decided',
    async () => {
      // Prepare
      const { fleet, cloud } = await start();
      await retrain(fleet);
      const [message] = approvalMessages(fleet);

      // Act
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, n) => click(fleet, message, n % 2 === 0 ? 'approve' : 'reject')),
      );
      await cloud.settle();

      // Assess
      expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
      const replies = answers.flatMap((answer) => repliesTo(fleet, answer));
      const decidedReplies = replies.filter((reply) => /^You (approved|rejected) churn\.$/.test(reply));
      expect(decidedReplies).toHaveLength(1);
      const decision = decidedReplies[0].includes('approved') ? 'approved' : 'rejected';
      expect(replies.filter((reply) => reply.startsWith(`Already ${decision} by @ana at `))).toHaveLength(9);
      expect(detailsOf(cloud, 'Approval Decided').map((detail) => detail.decision)).toEqual([decision]);
      expect(packageOf(cloud, PACKAGE_1)?.modelApprovalStatus).toBe(decision === 'approved' ? 'Approved' : 'Rejected');
      expect(approvalExecutions(cloud)).toHaveLength(1);
      expect(
        statesLeft(cloud, approvalExecutions(cloud)[0].executionArn).filter((name) => name === 'RequestApproval'),
      ).toHaveLength(1);
      expect(cloud.deadLetters()).toEqual([]);
    },
    SCENARIO_MS,
  );

  it(
    'closes a pending approval as superseded when the nightly run registers a newer package, and a click on the old request changes nothing',
    async () => {
      // Prepare
      const { fleet, cloud } = await start();
      await retrain(fleet);
      const [oldRequest] = approvalMessages(fleet);
      const [first] = detailsOf(cloud, 'Approval Requested');

      // Act: nobody answers before the nightly scheduled run registers package 2.
      while (
        cloud.sageMaker.registry.packages().length < 2 ||
        cloud.executions().some((run) => run.status === 'Executing')
      ) {
        const next = cloud.clock.nextAt();
        if (next === undefined || next.getTime() > Date.parse(String(first.expiresAt))) {
          throw new Error(`no second package by ${cloud.now().toISOString()}`);
        }
        await cloud.tick(next.getTime() - cloud.clock.nowMs());
      }
      const stale = await click(fleet, oldRequest, 'approve');
      await cloud.settle();

      // Assess
      const requested = detailsOf(cloud, 'Approval Requested');
      expect(requested.map((detail) => detail.modelPackageVersion)).toEqual([1, 2]);
      expect(detailsOf(cloud, 'Approval Decided').map((detail) => [detail.approvalId, detail.decision])).toEqual([
        [first.approvalId, 'superseded'],
      ]);
      expect(repliesTo(fleet, stale)).toEqual([
        'This approval of churn was superseded by a newer package; nothing changed.',
      ]);
      expect(cloud.sageMaker.registry.packages().map((item) => item.modelApprovalStatus)).toEqual([
        'PendingManualApproval',
        'PendingManualApproval',
      ]);
      expect(approvalExecutions(cloud).map((execution) => execution.status)).toEqual(['ABORTED', 'RUNNING']);
      expect(cloud.deadLetters()).toEqual([]);
    },
    SCENARIO_MS,
  );

  it(
    'starts one approval when SageMaker delivers the same package state change three more times',
    async () => {
      // Prepare
      const { fleet, cloud } = await start();
      await retrain(fleet);
      const [stateChange] = eventsOf(cloud, 'SageMaker Model Package State Change');
      const again = {
        source: stateChange.source,
        'detail-type': stateChange['detail-type'],
        detail: detailOf(stateChange),
        resources: stateChange.resources,
      };

      // Act: two redeliveries of the same event id and one more event for the same change, at once.
      cloud.bus.injectEvent({ ...again, id: stateChange.id });
      cloud.bus.injectEvent({ ...again, id: stateChange.id });
      cloud.bus.injectEvent(again);
      await cloud.settle();

      // Assess
      expect(eventsOf(cloud, 'SageMaker Model Package State Change')).toHaveLength(4);
      expect(approvalExecutions(cloud)).toHaveLength(1);
      expect(eventsOf(cloud, 'Approval Requested')).toHaveLength(1);
      expect(approvalMessages(fleet)).toHaveLength(1);
      expect(fleet.slack.messages(APPROVAL_CHANNEL)).toHaveLength(1);
      const approvals = (await fleet.history('MODEL#churn')).filter((item) => item.kind === 'approval');
      expect(approvals).toHaveLength(1);
      expect(cloud.deadLetters()).toEqual([]);
    },
    SCENARIO_MS,
  );
});
