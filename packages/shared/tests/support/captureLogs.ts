// biome-ignore lint/suspicious/noExplicitAny: parsed log lines are read field by field
export type LogLine = Record<string, any>;

/** Captures the JSON log lines the Powertools logger prints (dev mode writes to the global console). */
export const captureLogs = () => {
  const lines: LogLine[] = [];
  const record = (...args: unknown[]) => {
    for (const arg of args) {
      if (typeof arg !== 'string') continue;
      try {
        lines.push(JSON.parse(arg));
      } catch {
        // not a log line
      }
    }
  };
  const spies = (['debug', 'info', 'warn', 'error', 'log'] as const).map((m) =>
    jest.spyOn(console, m).mockImplementation(record),
  );
  return {
    lines,
    restore: () => {
      for (const spy of spies) spy.mockRestore();
    },
  };
};
