/** Pure metric maths (no I/O): NPS, CSAT, CES, their intervals, comparisons and display. */
export {
  METRIC_SCALES,
  assertScore,
  cesCategory,
  csatCategory,
  npsCategory,
  type CesCategory,
  type CsatCategory,
  type Metric,
  type NpsCategory,
  type Scale,
} from "./categories";
export {
  MIN_N,
  Z_95,
  distributionFromScores,
  distributionsByKey,
  emptyDistributions,
  type CountRow,
  type Distribution,
  type Distributions,
  type ScoreCount,
} from "./distribution";
export { npsFromCounts, npsStandardError, type NpsResult } from "./nps";
export { csatFromCounts, wilsonInterval, type CsatResult, type Interval } from "./csat";
export { cesFromCounts, type CesResult } from "./ces";
export {
  compareCes,
  compareCsat,
  compareNps,
  twoProportions,
  type CesComparison,
  type Comparison,
  type ComparisonReason,
} from "./compare";
export {
  formatCesFigure,
  formatCsatFigure,
  formatMetric,
  formatNpsFigure,
  formatNumber,
  formatResponseRate,
  nEquals,
  shownInterval,
  shownMargin,
  type FormattedMetric,
  type MetricResult,
} from "./format";
export { normalQuantile, studentTCdf, studentTPdf, studentTQuantile, tCritical95 } from "./student-t";
export { benjaminiHochberg, twoSidedNormalP, FDR_Q, type FdrResult } from "./fdr";
export { compareNpsToParent, flagUnits, type UnitComparison } from "./unit-compare";
export {
  NON_RESPONSE_ATTRIBUTES,
  nonResponseView,
  responseRate,
  type CategoryCounts,
  type NonResponseAttribute,
  type NonResponseReason,
  type NonResponseRow,
  type NonResponseView,
  type ResponseRate,
} from "./response-rate";
