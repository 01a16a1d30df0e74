import middy from '@middy/core';

describe('toolchain', () => {
  it('runs a middy handler through the jest transform', async () => {
    const handler = middy(async (event: { n: number }) => event.n * 2);
    await expect(handler({ n: 21 }, {} as never)).resolves.toBe(42);
  });
});
