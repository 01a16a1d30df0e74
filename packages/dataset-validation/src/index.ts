export type { Issue } from './check/Issue.js';
export { IssueCode } from './check/IssueCode.js';
export type { ValidationResult } from './check/ValidationResult.js';
export { validateDataset } from './check/validateDataset.js';
export type { ColumnProfile, ColumnQuantiles } from './profile/ColumnProfile.js';
export type { DatasetProfile } from './profile/DatasetProfile.js';
export { mergeColumnProfiles, mergeProfiles } from './profile/mergeProfiles.js';
export { DEFAULT_RELATIVE_ACCURACY, type QuantileSketchState, type SketchBins } from './profile/QuantileSketch.js';
export { DEFAULT_MAX_DISTINCT } from './profile/ValueCounter.js';
