/** The input of one approval execution: which package, which attempt, which chain. */
export type ApprovalExecutionInput = {
  model: string;
  modelPackageGroup: string;
  modelPackageArn: string;
  modelPackageVersion: number;
  attempt: number;
  approvalId: string;
  correlationId: string;
};
