import { APPROVAL_ID_PATTERN, approvalIdFor } from '../../../src/domain/approvalId.js';
import { executionName } from '../../../src/domain/executionName.js';

const arn = 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/3';

describe('approvalIdFor', () => {
  it('is short, button-safe and the same for the same package and attempt', () => {
    // Act
    const id = approvalIdFor(arn, 1);

    // Assess
    expect(id).toMatch(APPROVAL_ID_PATTERN);
    expect(id).toHaveLength(23);
    expect(id).not.toMatch(/[+/=]/);
    expect(approvalIdFor(arn, 1)).toBe(id);
  });

  it('differs between attempts and between packages', () => {
    // Act
    const ids = new Set([approvalIdFor(arn, 1), approvalIdFor(arn, 2), approvalIdFor(arn.replace(/3$/, '4'), 1)]);

    // Assess
    expect(ids.size).toBe(3);
  });
});

describe('executionName', () => {
  it('names the model, the version and the attempt', () => {
    // Assess
    expect(executionName('churn', 3, 2)).toBe('churn-v3-a2');
  });

  it('stays within 80 allowed characters', () => {
    // Act
    const name = executionName(`${'m'.repeat(100)}.x`, 12, 1);

    // Assess
    expect(name.length).toBeLessThanOrEqual(80);
    expect(name).toMatch(/^[A-Za-z0-9_-]+-v12-a1$/);
  });
});
