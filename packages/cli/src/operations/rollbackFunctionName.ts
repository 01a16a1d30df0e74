/**
 * The deployed name of approval-callback's `rollback` function in a stage (the Serverless
 * Framework's `<service>-<stage>-<function>`).
 *
 * @example rollbackFunctionName('prod') // 'fleet-approval-callback-prod-rollback'
 */
export const rollbackFunctionName = (stage: string): string => `fleet-approval-callback-${stage}-rollback`;
