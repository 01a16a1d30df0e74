import { runCli } from '../../src/runCli.js';

/** Runs `fleet <args>` in this process, in `cwd`, and returns its exit code and everything it wrote. */
export const runCommand = async (args: string[], cwd: string) => {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd,
  });
  return { code, stdout, stderr };
};
