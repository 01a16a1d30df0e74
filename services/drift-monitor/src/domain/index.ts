export { numericColumns, setAsideNonNumeric, unknownCategoryShares } from './columnChecks.js';
export { compareWithEvaluation, type LabelledPrediction } from './compareWithEvaluation.js';
export {
  COMPLETENESS_DROP,
  type ColumnChecks,
  type ConstraintViolation,
  constraintViolations,
  DATATYPE_CHECK_THRESHOLD,
  DOMAIN_CONTENT_THRESHOLD,
} from './constraintViolations.js';
export { cronMinimumIntervalMinutes } from './cronMinimumInterval.js';
export { type CapturedPayload, isJsonPayload, PayloadError, payloadText } from './decodePayload.js';
export { type DriftWindow, driftWindow, inWindow, windowIso } from './driftWindow.js';
export { fitBaseline } from './fitBaseline.js';
export { hourPrefixes } from './hourPrefixes.js';
export { judgeWindow, type PreviousVerdict, type WindowVerdict } from './judgeWindow.js';
export { ksDistance } from './ksDistance.js';
export { type MonitorSettings, monitorSettings, parseS3Uri } from './MonitorSettings.js';
export { modelMonitorDistance } from './modelMonitorDistance.js';
export { type EmfDocument, modelMonitorEmf, modelMonitorMetricName } from './modelMonitorEmf.js';
export { type CaptureRecord, parseCaptureLine } from './parseCaptureLine.js';
export { type GroundTruthLabel, parseGroundTruthLine } from './parseGroundTruthLine.js';
export { negativeClass, predictedClass, predictionColumnName } from './predictedClass.js';
export { Reservoir } from './Reservoir.js';
export { type CapturedRow, readCapturedRows, rowCells } from './readCapturedRows.js';
export { type ReportKeys, reportKeys } from './reportKeys.js';
export { seededRandom } from './seededRandom.js';
export { splitCsvLine } from './splitCsvLine.js';
export { topFeatures } from './topFeatures.js';
export { baselineWithPrediction, windowTable } from './windowTables.js';
export { withQuality } from './withQuality.js';
