/**
 * The version of a SageMaker model package from its ARN (`...:model-package/churn/3` is `3`),
 * or the ARN's last segment when it has no version.
 *
 * @example
 * packageVersionOf('arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/3') // '3'
 */
export const packageVersionOf = (modelPackageArn: string): string => {
  const last = modelPackageArn.split('/').pop() ?? modelPackageArn;
  return last.length > 0 ? last : modelPackageArn;
};
