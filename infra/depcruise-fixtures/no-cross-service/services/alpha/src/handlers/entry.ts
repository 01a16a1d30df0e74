import { BetaEvent } from '@fleet/fixture-cross-beta/events';

/** Breaks no-cross-service: one service imports another through its workspace subpath. */
export const handler = () => BetaEvent.detailType;
