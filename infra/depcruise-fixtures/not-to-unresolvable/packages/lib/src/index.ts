import { gone } from './gone.js';

/** Breaks not-to-unresolvable: `./gone.js` names no file. */
export const check = (): string => gone;
