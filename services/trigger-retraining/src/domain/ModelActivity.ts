/**
 * Where a model stands after a retrain: its newest approval record (written by the approval
 * workflow) and its newest deployment record, as far as the drift guards need them.
 */
export type ModelActivity = {
  approval?: {
    at: string;
    state?: string;
    decision?: string;
    decidedAt?: string;
    expiresAt?: string;
    modelPackageArn?: string;
  };
  deployment?: { at: string; decision?: string; modelPackageArn?: string };
};
