import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Replaces one benchmark's section of `resultsFile` (from its `heading` to the next `## `
 * heading), leaving the other sections alone; appends the section when the file has none yet.
 */
export const writeResultsSection = (resultsFile: string, heading: string, section: string): void => {
  const current = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# Benchmark results\n';
  const start = current.indexOf(heading);
  let next: string;
  if (start < 0) {
    next = `${current.trimEnd()}\n\n${section}\n`;
  } else {
    const after = current.indexOf('\n## ', start + heading.length);
    next = `${current.slice(0, start)}${section}\n${after < 0 ? '' : current.slice(after)}`;
  }
  writeFileSync(resultsFile, next);
};
