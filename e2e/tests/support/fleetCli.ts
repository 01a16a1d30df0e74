import { type FleetCloud, startFleetCloud } from '@fleet/cli/local';
import { resetDependencies } from '@fleet/shared';
import { runCommand } from '../../../packages/cli/tests/support/runCommand.js';

/** What one `fleet` invocation returned and wrote. */
export type FleetCliOutput = Awaited<ReturnType<typeof runCommand>>;

/** The fleet on the local cloud, with this process's environment pointed at it for the CLI. */
export type FleetCli = {
  /** The running fleet. */
  fleet: FleetCloud;
  /** Runs `fleet <args>` in this process, with the environment a client of the local cloud gets. */
  run: (...args: string[]) => Promise<FleetCliOutput>;
  /** Stops the fleet and puts the environment back as it was before the start. */
  stop: () => Promise<void>;
};

/**
 * Starts the fleet on the local cloud and points the SDK's environment (endpoints, region,
 * credentials, `FLEET_RECORDS_TABLE`) at it, so that the CLI and any SDK client created
 * afterwards with no options talk to it over HTTP.
 */
export const startFleetCli = async (): Promise<FleetCli> => {
  resetDependencies();
  const fleet = await startFleetCloud();
  const previousEnv = new Map<string, string | undefined>();
  const env = { ...fleet.env, FLEET_RECORDS_TABLE: fleet.resources.recordsTable };
  for (const [name, value] of Object.entries(env)) {
    previousEnv.set(name, process.env[name]);
    process.env[name] = value;
  }
  return {
    fleet,
    run: (...args) => runCommand(args, fleet.rootDir),
    stop: async () => {
      await fleet.stop();
      for (const [name, value] of previousEnv) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    },
  };
};
