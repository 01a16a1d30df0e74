/**
 * Sets (or, for `undefined`, removes) process environment variables until the returned function
 * is called, which puts back exactly what was there before.
 *
 * The SDK clients of the handlers read `AWS_ENDPOINT_URL_<SERVICE>`, credentials and region
 * from the process environment, so the local cloud sets them for as long as it runs and leaves
 * the process as it found it afterwards.
 */
export const applyEnvironment = (variables: Record<string, string | undefined>): (() => void) => {
  const previous = new Map<string, string | undefined>();
  for (const [name, value] of Object.entries(variables)) {
    previous.set(name, process.env[name]);
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    for (const [name, value] of previous) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
};
