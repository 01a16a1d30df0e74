import { createHash } from 'node:crypto';

/** The length of an approval id: `ap-` and 20 hex digits. */
export const APPROVAL_ID_PATTERN = /^ap-[0-9a-f]{20}$/;

/**
 * The short id of one approval attempt of one model package: `ap-` and the first 20 hex digits of
 * SHA-256 over `<modelPackageArn>#<attempt>`.
 *
 * It rides in the Slack button's `value` instead of the task token (a token can be 2,048
 * characters and contain `+/=`; a button value holds 2,000), and it is deterministic, so a
 * redelivered request or a retried start lands on the same records.
 *
 * @example
 * approvalIdFor('arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/3', 1) // 'ap-' + 20 hex digits
 */
export const approvalIdFor = (modelPackageArn: string, attempt: number): string =>
  `ap-${createHash('sha256').update(`${modelPackageArn}#${attempt}`).digest('hex').slice(0, 20)}`;
