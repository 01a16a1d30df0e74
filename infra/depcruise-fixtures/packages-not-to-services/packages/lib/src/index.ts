import { decide } from '@fleet/fixture-upward-alpha/domain';

/** Breaks packages-not-to-services: a shared package imports a service through its workspace subpath. */
export const check = (value: number): boolean => decide(value);
