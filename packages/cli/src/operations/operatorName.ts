import { userInfo } from 'node:os';

/**
 * Who runs an operator's command, for `--by` when it is not given: the OS user, else `USER`,
 * else `unknown`, so every pause, rollback and redrive record names someone.
 */
export const operatorName = (env: NodeJS.ProcessEnv = process.env): string => {
  try {
    const name = userInfo().username;
    if (name.trim() !== '') return name;
  } catch {
    // No passwd entry for the uid (a container): the environment may still say.
  }
  return env.USER?.trim() || env.USERNAME?.trim() || 'unknown';
};
