/**
 * Machine constants of the Cephes library, as SciPy's `scipy/special/cephes/const.c` defines them.
 *
 * The ported special functions compare against these exact values so that they switch between
 * series, continued fractions and asymptotic forms at the same points as SciPy.
 */
export const cephesConstants = {
  /** 2^-53, the unit roundoff. */
  machineEpsilon: 1.1102230246251565e-16,
  /** log(2^1024), the largest argument exp() accepts without overflow. */
  maxLog: 709.782712893384,
  /** log(2^-1022), the log of the smallest normal double. */
  minLog: -708.3964185322641,
  /** Euler-Mascheroni constant. */
  euler: 0.5772156649015329,
} as const;
