import { type OneTimeScheduleRequest, OneTimeScheduler, oneTimeScheduleRequest } from '../../src/index.js';

const target = {
  groupName: 'fleet-test',
  targetArn: 'arn:aws:lambda:eu-west-1:123456789012:function:fire',
  roleArn: 'arn:aws:iam::123456789012:role/scheduler',
};
const named = (name: string) => Object.assign(new Error(name), { name });

/** Scheduler writes that answer from a script and remember what they were asked. */
const scriptedWrites = (answers: { create?: Error[]; update?: Error[] }) => {
  const calls: string[] = [];
  const answer = (kind: 'create' | 'update') => async (request: OneTimeScheduleRequest) => {
    calls.push(`${kind} ${request.Name}`);
    const error = answers[kind]?.shift();
    if (error !== undefined) throw error;
  };
  return { calls, writes: { create: answer('create'), update: answer('update') } };
};

const arming = { name: 'w1', at: new Date('2026-03-02T12:00:30.000Z'), payload: { id: 'w1' } };

describe('oneTimeScheduleRequest', () => {
  it('asks for a self-deleting one-time schedule in UTC, dead-lettered only when a queue is named', () => {
    // Act
    const plain = oneTimeScheduleRequest(target, { ...arming, description: 'x'.repeat(600) });
    const dead = oneTimeScheduleRequest({ ...target, deadLetterArn: 'arn:dlq' }, { ...arming, description: 'd' });

    // Assess
    expect(plain).toMatchObject({
      Name: 'w1',
      GroupName: 'fleet-test',
      ScheduleExpression: 'at(2026-03-02T12:00:30)',
      ScheduleExpressionTimezone: 'UTC',
      ActionAfterCompletion: 'DELETE',
      Target: { Arn: target.targetArn, RoleArn: target.roleArn, Input: '{"id":"w1"}' },
    });
    expect(plain.Description).toHaveLength(512);
    expect(plain.Target.DeadLetterConfig).toBeUndefined();
    expect(dead.Target.DeadLetterConfig).toEqual({ Arn: 'arn:dlq' });
  });
});

describe('OneTimeScheduler', () => {
  it('creates, moves an existing schedule, and creates again one that vanished meanwhile', async () => {
    // Prepare
    const fresh = scriptedWrites({});
    const moved = scriptedWrites({ create: [named('ConflictException')] });
    const vanished = scriptedWrites({
      create: [named('ConflictException')],
      update: [named('ResourceNotFoundException')],
    });

    // Act
    for (const { writes } of [fresh, moved, vanished])
      await new OneTimeScheduler(writes, target, (payload: { id: string }) => payload.id).arm(arming);

    // Assess
    expect(fresh.calls).toEqual(['create w1']);
    expect(moved.calls).toEqual(['create w1', 'update w1']);
    expect(vanished.calls).toEqual(['create w1', 'update w1', 'create w1']);
  });

  it('throws what Scheduler refuses otherwise', async () => {
    // Prepare
    const { calls, writes } = scriptedWrites({ create: [named('AccessDeniedException')] });

    // Act
    const arm = new OneTimeScheduler(writes, target, () => 'd').arm(arming);

    // Assess
    await expect(arm).rejects.toThrow('AccessDeniedException');
    expect(calls).toEqual(['create w1']);
  });
});
