import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A fixture event from `tests/events/`, parsed afresh for each test so a test may change it. */
export const loadEvent = <T = Record<string, unknown>>(name: string): T =>
  JSON.parse(readFileSync(path.join(__dirname, '..', 'events', name), 'utf8')) as T;
