/** An adapter: the AWS side of a port. */
export const store = (key: string): string => `stored ${key}`;
