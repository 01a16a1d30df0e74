/**
 * The stage a command works on: `--stage`, else `dev`, as the commands' usage texts say. The
 * records table is found from `--stage` as given (its export is looked up only when one is).
 */
export const stageOf = (options: { stage?: string }): string => options.stage ?? 'dev';
