export { DriftConfig, type DriftConfigInput, FeatureSettings } from './config/DriftConfig.js';
export { parseDriftConfig } from './config/parseDriftConfig.js';
export { DriftInputError } from './DriftInputError.js';
export {
  type ColumnDrift,
  type DriftResult,
  DriftStatus,
  type ExcludedColumn,
  type QualityDrift,
  type QualityMetric,
} from './DriftResult.js';
export { type DriftInput, detectDrift } from './detectDrift.js';
export { adjustPValues, type Correction } from './feature/adjustPValues.js';
export { categoricalPsi } from './feature/categoricalPsi.js';
export { chooseTest, type TestChoice } from './feature/chooseTest.js';
export { type CategoryCounts, countCategories } from './feature/countCategories.js';
export { DriftTest, defaultDistanceThresholds, driftTestNames, isHypothesisTest } from './feature/DriftTest.js';
export { type Measurement, measureColumn } from './feature/measureColumn.js';
export { normalizedWasserstein } from './feature/normalizedWasserstein.js';
export { type ClassificationMetrics, classificationMetrics } from './quality/classificationMetrics.js';
export { compareQuality, type QualitySettings } from './quality/compareQuality.js';
export { rocAuc } from './quality/rocAuc.js';
export { barChartSvg } from './report/barChartSvg.js';
export { type CategoryShares, categoryShares } from './report/categoryShares.js';
export { escapeHtml } from './report/escapeHtml.js';
export { formatDriftText } from './report/formatDriftText.js';
export { formatStatistic } from './report/formatStatistic.js';
export { type Histogram, histogramBins } from './report/histogramBins.js';
export { histogramSvg } from './report/histogramSvg.js';
export { niceAxisMax } from './report/niceAxisMax.js';
export { type DriftReportInput, renderDriftReport } from './report/renderDriftReport.js';
export { type ColumnPlan, type ColumnRoles, selectColumns } from './selectColumns.js';
export { ColumnKind } from './table/ColumnKind.js';
export type { DataTable } from './table/DataTable.js';
export { inferColumnKind } from './table/inferColumnKind.js';
export { type ParseCsvOptions, parseCsvTable } from './table/parseCsvTable.js';
export { parseFiniteNumber } from './table/parseFiniteNumber.js';
export { readColumn, type TypedColumn } from './table/readColumn.js';
