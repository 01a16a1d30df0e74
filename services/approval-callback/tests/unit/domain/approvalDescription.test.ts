import { approvalDescription } from '../../../src/domain/approvalDescription.js';
import { classifySageMakerError, classifySendFailure } from '../../../src/domain/classifyErrors.js';

const named = (name: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(name), { name, ...extra });

describe('approvalDescription', () => {
  it('says who approved in Slack, when, and the numbers', () => {
    // Act
    const text = approvalDescription({
      decision: 'approved',
      decidedBy: 'U0ANA',
      decidedByName: 'ana',
      decidedAt: '2025-06-02T09:41:07.000Z',
      metric: 'roc_auc',
      challenger: 0.84,
      champion: 0.82,
    });

    // Assess
    expect(text).toBe('Approved by @ana (U0ANA) in Slack at 2025-06-02T09:41Z; roc_auc 0.84 vs champion 0.82');
  });

  it("states the gate's reason for an automatic rejection and stays within 1,024 characters", () => {
    // Act
    const text = approvalDescription({
      decision: 'rejected',
      decidedBy: 'fleet:quality-gate',
      decidedAt: '2025-06-02T09:41:07.000Z',
      metric: 'roc_auc',
      challenger: 0.6,
      reason: 'x'.repeat(2000),
    });

    // Assess
    expect(text.startsWith('Rejected by fleet:quality-gate at 2025-06-02T09:41Z; roc_auc 0.6 vs no champion: x')).toBe(
      true,
    );
    expect(text).toHaveLength(1024);
  });
});

describe('classifySageMakerError', () => {
  it.each([
    ['ThrottlingException', {}, 'SageMakerTransientError'],
    ['InternalFailure', {}, 'SageMakerTransientError'],
    ['SomethingNew', { $fault: 'server' }, 'SageMakerTransientError'],
    ['ResourceNotFound', {}, 'ModelPackageNotFoundError'],
    ['ConflictException', {}, 'ModelPackageConflictError'],
    ['ValidationException', {}, 'SageMakerRequestError'],
  ])('classifies %s as %s', (name, extra, expected) => {
    // Act
    const classified = classifySageMakerError(named(name, extra));

    // Assess
    expect(classified.name).toBe(expected);
    expect(classified.code).toBe(name);
  });
});

describe('classifySendFailure', () => {
  it.each([
    ['TaskTimedOut', 'closed'],
    ['TaskDoesNotExist', 'closed'],
    ['InvalidToken', 'closed'],
    ['ThrottlingException', 'transient'],
    ['ServiceUnavailable', 'transient'],
  ])('says %s means %s', (name, kind) => {
    // Assess
    expect(classifySendFailure(named(name))).toBe(kind);
  });
});
