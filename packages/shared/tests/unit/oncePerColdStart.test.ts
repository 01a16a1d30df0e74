import { oncePerColdStart, resetDependencies } from '../../src/index.js';

describe('oncePerColdStart', () => {
  it('builds once per cold start', () => {
    // Prepare
    let builds = 0;
    const dependencies = oncePerColdStart(() => ({ build: ++builds }));

    // Act
    const first = dependencies();
    const second = dependencies();

    // Assess
    expect(second).toBe(first);
    expect(builds).toBe(1);
  });

  it('builds again after resetDependencies', () => {
    // Prepare
    let builds = 0;
    const dependencies = oncePerColdStart(() => ({ build: ++builds }));
    const first = dependencies();

    // Act
    resetDependencies();
    const again = dependencies();

    // Assess
    expect(again).not.toBe(first);
    expect(again).toEqual({ build: 2 });
  });

  it('builds nothing until it is first called, so a module can be loaded without an environment', () => {
    // Prepare
    let builds = 0;

    // Act
    oncePerColdStart(() => ({ build: ++builds }));

    // Assess
    expect(builds).toBe(0);
  });
});
