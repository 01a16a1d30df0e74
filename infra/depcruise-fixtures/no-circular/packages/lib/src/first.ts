import { second } from './second.js';

/** Breaks no-circular (with second.ts): the two modules import each other. */
export const first = (depth: number): number => (depth > 0 ? second(depth - 1) : 0);
