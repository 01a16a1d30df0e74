/** Ports of the previous cloud in this process, by service id. */
const rememberedPorts = new Map<string, number>();

/**
 * Starts a server on the port the same service had in the previous local cloud of this process,
 * or on any free port when that one is taken, and remembers the port for the next cloud.
 *
 * Handler modules create their SDK clients once, at module scope, and keep them across tests:
 * a cloud that comes back on the same ports keeps those clients working.
 */
export const listenOnRememberedPort = async (
  serviceId: string,
  listen: (port: number | undefined) => Promise<string>,
): Promise<string> => {
  const remembered = rememberedPorts.get(serviceId);
  let endpoint: string | undefined;
  if (remembered !== undefined) {
    try {
      endpoint = await listen(remembered);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  endpoint ??= await listen(undefined);
  rememberedPorts.set(serviceId, Number(new URL(endpoint).port));
  return endpoint;
};
