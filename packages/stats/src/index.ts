export { benjaminiHochberg } from './benjaminiHochberg.js';
export { bonferroni } from './bonferroni.js';
export { chi2Sf } from './chi2Sf.js';
export {
  type ChiSquareContingencyOptions,
  type ChiSquareContingencyResult,
  chiSquareContingency,
} from './chiSquareContingency.js';
export { type ChiSquareGoodnessOfFitResult, chiSquareGoodnessOfFit } from './chiSquareGoodnessOfFit.js';
export { jensenShannonDistance } from './jensenShannonDistance.js';
export {
  type Ks2SampleOptions,
  type Ks2SampleResult,
  type KsAlternative,
  type KsMethod,
  ks2Sample,
} from './ks2Sample.js';
export { kstwobignSf } from './kstwobignSf.js';
export { kstwoSf } from './kstwoSf.js';
export { populationStabilityIndex } from './populationStabilityIndex.js';
export { wassersteinDistance } from './wassersteinDistance.js';
