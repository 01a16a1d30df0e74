/** What the load scenario saw at its end, gathered from the local cloud; the input of `loadChecks`. */
export type LoadOutcome = {
  /** The pipelines of the generated fleet, one run expected for each. */
  pipelines: readonly string[];
  /** Every pipeline execution SageMaker ran. */
  executions: readonly { pipelineName: string; status: string }[];
  /** The models whose packages are put to approvers. */
  approvalModels: readonly string[];
  /** Every approval record (`kind: 'approval'`) of the records table. */
  approvals: readonly { id: string; model: string; decision?: string; decidedBy?: string }[];
  /** The approval id of every `Approval Decided` event on the bus. */
  decidedEvents: readonly string[];
  /** The approval id of each click answered "You approved/rejected" (a decision taken by that click). */
  decidingClicks: readonly string[];
  /** What the approval API replied to each click through its `response_url`, in order (one reply expected). */
  clickReplies: readonly (readonly string[])[];
  /** The HTTP status of every click. */
  clickStatuses: readonly number[];
  /** The users allowed to approve. */
  approvers: readonly string[];
  /** Every Slack delivery record of notify (`DELIVERY#<eventKey>` / `slack:<channel>`). */
  slackDeliveries: readonly { eventKey: string; destination: string; state?: string }[];
  /** The channel of every `chat.postMessage` Slack accepted. */
  slackPosts: readonly string[];
  /** The `eventKey` of every event on the bus that notify posts to Slack alone, with its channels. */
  slackEvents: readonly { eventKey: string; channels: readonly string[] }[];
  /** Asynchronous invocations that failed every attempt. */
  deadLetters: readonly { functionName: string; error: string }[];
  /** Every invocation attempt that failed (retried or not): none is expected without faults. */
  failedAttempts: readonly { functionName: string; error: string }[];
};

/** One check of the load scenario: its name, whether it held, and what was seen. */
export type LoadCheck = { name: string; ok: boolean; detail: string };

const countBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

const list = (names: readonly string[], max = 5): string =>
  names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;

/**
 * The load scenario's checks: one run per pipeline and no other, one decision per approval
 * (record, event and deciding click; every other click answered that it was already decided), every click
 * answered 200, one Slack post per event and
 * destination with a completed delivery record, no failed invocation attempt and no dead letter.
 */
export const loadChecks = (outcome: LoadOutcome): LoadCheck[] => {
  const checks: LoadCheck[] = [];
  const runs = countBy(outcome.executions, (execution) => execution.pipelineName);
  const missing = outcome.pipelines.filter((pipeline) => !runs.has(pipeline));
  const repeated = [...runs].filter(([, count]) => count > 1).map(([pipeline, count]) => `${pipeline} × ${count}`);
  const unknown = [...runs.keys()].filter((pipeline) => !outcome.pipelines.includes(pipeline));
  const unfinished = outcome.executions.filter((execution) => execution.status !== 'Succeeded');
  checks.push({
    name: 'one pipeline run per dataset',
    ok:
      outcome.executions.length === outcome.pipelines.length &&
      missing.length === 0 &&
      repeated.length === 0 &&
      unknown.length === 0 &&
      unfinished.length === 0,
    detail:
      `${outcome.executions.length} runs for ${outcome.pipelines.length} pipelines` +
      (missing.length > 0 ? `; none for ${list(missing)}` : '') +
      (repeated.length > 0 ? `; repeated: ${list(repeated)}` : '') +
      (unknown.length > 0 ? `; unknown: ${list(unknown)}` : '') +
      (unfinished.length > 0 ? `; not succeeded: ${unfinished.length}` : ''),
  });

  const byModel = countBy(outcome.approvals, (approval) => approval.model);
  const undecided = outcome.approvals.filter(
    (approval) => approval.decision !== 'approved' && approval.decision !== 'rejected',
  );
  const notByApprover = outcome.approvals.filter(
    (approval) => approval.decidedBy !== undefined && !outcome.approvers.includes(approval.decidedBy),
  );
  const withoutApproval = outcome.approvalModels.filter((model) => byModel.get(model) !== 1);
  checks.push({
    name: 'one approval per approved model, decided by an approver',
    ok:
      outcome.approvals.length === outcome.approvalModels.length &&
      withoutApproval.length === 0 &&
      undecided.length === 0 &&
      notByApprover.length === 0,
    detail:
      `${outcome.approvals.length} approvals for ${outcome.approvalModels.length} models, ` +
      `${outcome.approvals.length - undecided.length} decided` +
      (withoutApproval.length > 0 ? `; not exactly one for ${list(withoutApproval)}` : '') +
      (notByApprover.length > 0 ? `; decided by non-approvers: ${list(notByApprover.map((a) => a.id))}` : ''),
  });

  const ids = outcome.approvals.map((approval) => approval.id);
  const events = countBy(outcome.decidedEvents, (id) => id);
  const clicks = countBy(outcome.decidingClicks, (id) => id);
  const eventsOff = ids.filter((id) => events.get(id) !== 1);
  const clicksOff = ids.filter((id) => clicks.get(id) !== 1);
  checks.push({
    name: 'one decision per approval (event and click)',
    ok:
      outcome.decidedEvents.length === ids.length &&
      outcome.decidingClicks.length === ids.length &&
      eventsOff.length === 0 &&
      clicksOff.length === 0,
    detail:
      `${outcome.decidedEvents.length} Approval Decided events, ${outcome.decidingClicks.length} deciding clicks ` +
      `for ${ids.length} approvals` +
      (eventsOff.length > 0 ? `; events off for ${list(eventsOff)}` : '') +
      (clicksOff.length > 0 ? `; deciding clicks off for ${list(clicksOff)}` : ''),
  });

  const already = outcome.clickReplies.filter(
    (replies) => replies.length === 1 && /^Already (approved|rejected) by /.test(replies[0]),
  ).length;
  const notOneReply = outcome.clickReplies.filter((replies) => replies.length !== 1).length;
  checks.push({
    name: 'every other click changed nothing',
    ok: notOneReply === 0 && already === outcome.clickReplies.length - outcome.decidingClicks.length,
    detail:
      `${already} of ${outcome.clickReplies.length} clicks answered "Already approved/rejected by …"` +
      (notOneReply > 0 ? `; ${notOneReply} clicks without exactly one reply` : ''),
  });

  const statuses = countBy(outcome.clickStatuses, String);
  checks.push({
    name: 'every click answered 200',
    ok: outcome.clickStatuses.every((status) => status === 200),
    detail: [...statuses].map(([status, count]) => `${count} × ${status}`).join(', ') || 'no clicks',
  });

  const deliveries = countBy(outcome.slackDeliveries, (delivery) => `${delivery.eventKey} ${delivery.destination}`);
  const expected = outcome.slackEvents.flatMap((event) =>
    event.channels.map((channel) => `${event.eventKey} slack:${channel}`),
  );
  const undelivered = [...new Set(expected)].filter((key) => deliveries.get(key) !== 1);
  const incomplete = outcome.slackDeliveries.filter((delivery) => delivery.state !== 'completed');
  const posts = countBy(outcome.slackPosts, (channel) => `slack:${channel}`);
  const perDestination = countBy(outcome.slackDeliveries, (delivery) => delivery.destination);
  const postsOff = [...new Set([...posts.keys(), ...perDestination.keys()])].filter(
    (destination) => posts.get(destination) !== perDestination.get(destination),
  );
  checks.push({
    name: 'one Slack message per event and destination',
    ok: undelivered.length === 0 && incomplete.length === 0 && postsOff.length === 0,
    detail:
      `${outcome.slackDeliveries.length} Slack deliveries, ${outcome.slackPosts.length} posts, ` +
      `${new Set(expected).size} expected` +
      (undelivered.length > 0 ? `; not delivered once: ${list(undelivered)}` : '') +
      (incomplete.length > 0 ? `; not completed: ${incomplete.length}` : '') +
      (postsOff.length > 0
        ? `; posts differ from deliveries in ${list(postsOff.map((d) => `${d} (${posts.get(d) ?? 0} posts, ${perDestination.get(d) ?? 0} deliveries)`))}`
        : ''),
  });

  checks.push({
    name: 'no failed invocation attempt',
    ok: outcome.failedAttempts.length === 0,
    detail:
      outcome.failedAttempts.length === 0
        ? '0'
        : `${outcome.failedAttempts.length}: ${list(
            outcome.failedAttempts.map((failed) => `${failed.functionName}: ${failed.error}`),
            3,
          )}`,
  });

  checks.push({
    name: 'no dead letters',
    ok: outcome.deadLetters.length === 0,
    detail:
      outcome.deadLetters.length === 0
        ? '0'
        : `${outcome.deadLetters.length}: ${list(
            outcome.deadLetters.map((dead) => `${dead.functionName}: ${dead.error}`),
            3,
          )}`,
  });
  return checks;
};
