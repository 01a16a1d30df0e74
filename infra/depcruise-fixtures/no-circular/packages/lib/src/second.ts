import { first } from './first.js';

/** Breaks no-circular (with first.ts): the two modules import each other. */
export const second = (depth: number): number => (depth > 0 ? first(depth - 1) : 1);
