import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Reads a fixture event from `tests/events/` (a fresh copy each time). */
export const loadEvent = <T = Record<string, unknown>>(name: string): T =>
  JSON.parse(readFileSync(path.join(__dirname, '..', 'events', name), 'utf8')) as T;
