import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { connect } from 'node:net';
import path from 'node:path';

/** The repository root, where `fleet` runs from in these tests. */
export const repoRoot = path.join(__dirname, '..', '..', '..', '..');

const FLEET_BIN = path.join(repoRoot, 'packages', 'cli', 'bin', 'fleet.cjs');

/** A `fleet local` started as a user starts it: `node packages/cli/bin/fleet.cjs local ...`, a real process. */
export type FleetLocalProcess = {
  child: ChildProcess;
  /** Everything written on stdout so far. */
  stdout: () => string;
  /** Everything written on stderr so far. */
  stderr: () => string;
  /** Resolves with stdout once it contains `marker` (a whole line of JSON: `\n`); rejects when the process exits first or after `timeoutMs`. */
  waitForStdout: (marker: string, timeoutMs: number) => Promise<string>;
  /** Resolves with the exit code (or the signal) of the `fleet` process. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The process ids of `fleet` and of the command process it runs. */
  processIds: () => number[];
};

/** Starts `fleet local` with `args`; the caller stops it (and `forceStop` in `afterAll` if a test failed first). */
export const startFleetLocal = (args: string[]): FleetLocalProcess => {
  const child = spawn(process.execPath, [FLEET_BIN, 'local', ...args], {
    cwd: repoRoot,
    env: { ...process.env, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  const waitForStdout = (marker: string, timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        if (!stdout.includes(marker)) return;
        cleanup();
        resolve(stdout);
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`fleet local exited (${code}) before it was ready; stderr:\n${stderr}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fleet local was not ready within ${timeoutMs} ms; stderr:\n${stderr}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        child.stdout?.off('data', check);
        child.off('exit', onExit);
      };
      child.stdout?.on('data', check);
      child.on('exit', onExit);
      check();
    });
  const processIds = () => {
    const pid = child.pid as number;
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((id) => id > 0);
    return [pid, ...children];
  };
  return { child, stdout: () => stdout, stderr: () => stderr, waitForStdout, exited, processIds };
};

/** Kills what is left of a `fleet local` (the command process too), for `afterAll` after a failed test. */
export const forceStop = (local: FleetLocalProcess | undefined, processIds: number[]): void => {
  if (local === undefined || local.child.exitCode !== null || local.child.signalCode !== null) return;
  for (const pid of processIds.length > 0 ? processIds : [local.child.pid as number]) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }
};

/** True while a process with this id exists. */
export const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
};

/** Resolves with the error code of a TCP connection to the endpoint (`ECONNREFUSED` once nothing listens), or `connected`. */
export const connectOutcome = (endpoint: string): Promise<string> =>
  new Promise((resolve) => {
    const { hostname, port } = new URL(endpoint);
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });

/**
 * Sends `signal` and waits for the process to exit, at most `budgetMs`: its exit status, or
 * `'still running'` when the budget ran out first.
 */
export const stopWithin = async (
  local: FleetLocalProcess,
  signal: NodeJS.Signals,
  budgetMs: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null } | 'still running'> => {
  local.child.kill(signal);
  let budget: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    local.exited,
    new Promise<'still running'>((resolve) => {
      budget = setTimeout(() => resolve('still running'), budgetMs);
    }),
  ]);
  clearTimeout(budget);
  return outcome;
};
