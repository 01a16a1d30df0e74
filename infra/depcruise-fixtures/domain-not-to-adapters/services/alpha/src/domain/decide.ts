import { store } from '../adapters/store.js';

/** Breaks domain-not-to-adapters: the domain calls an adapter instead of taking a port. */
export const decide = (key: string): string => store(key);
