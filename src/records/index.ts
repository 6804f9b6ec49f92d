/**
 * The records codec: what the add-in keeps in the workbook between builds (docs/architecture.md, "The records
 * codec"), one file per job. Both hosts and the engine import it from here.
 */
export { MARKER_SHEET, SIGNOFF_SHEET, SNAPSHOT_SHEET, LOG_SHEET, PARKED_PREFIX, STAGING_PREFIX, HIDDEN_RECORD_SHEETS, markerRows, markerRowsOf, recordedReportSheets, ownReportSheets, isHiddenRecordSheet, isRecordSheet, isParkedSheet, isLeftoverSheet, otherSheets, sheetInTheWay, type ReportMarker, type RecordedSheet } from "./ownership";
export { STATUSES, sealOf, readSignOff, signOffRows, changedSinceSigning, signOffProblems, applySignAction, type Status, type SignOff, type SignAction } from "./signoff";
export { takeSnapshot, snapshotRows, eachSnapshotRow, readSnapshot, diffSnapshots, describeChanges, type Snapshot, type SheetChanges } from "./snapshot";
export { LOG_HEADERS, logRow, logRowHash, chainEntries, checkLog, withLogHead, logHeadOf, type LogEntry, type LogStatusRow, type LogCheck, type LogHead } from "./log";
export { integrityProblems } from "./integrity";
export { figuresOf, recordsForBuild, type KeptRecords, type BuildFigures, type VersionContent } from "./build";
export { versionLabel, versionRows, versionsFrom, changesSince, linesMatch, type SignedVersion, type InputChanges } from "./versions";
export { agreementOf, agreementProblems, describeInputChanges, type Agreement } from "./agreement";
export { reviewFrom, reviewRows, reviewSealOf, reviewHolds, reviewVoided, shownStatus, reviewLine, reviewProblems, reviewIntegrityProblems, isReviewAction, applyReviewAction, type Review, type ReviewAction, type ReviewOutcome } from "./review";
