/** An inbound payload only the beta service receives. */
export const BetaEvent = { detailType: 'Beta Happened' } as const;
