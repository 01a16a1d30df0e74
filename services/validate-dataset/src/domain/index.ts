export type { ColumnProfile, ColumnQuantiles } from './ColumnProfile.js';
export type { DatasetProfile } from './DatasetProfile.js';
export type { Issue } from './Issue.js';
export { IssueCode } from './IssueCode.js';
export { mergeColumnProfiles, mergeProfiles } from './mergeProfiles.js';
export { DEFAULT_RELATIVE_ACCURACY, type QuantileSketchState, type SketchBins } from './QuantileSketch.js';
export type { ValidationResult } from './ValidationResult.js';
export { DEFAULT_MAX_DISTINCT } from './ValueCounter.js';
export { validateDataset } from './validateDataset.js';
