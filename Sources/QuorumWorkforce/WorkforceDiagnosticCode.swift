/// The codes of every workforce diagnostic, one per rule, so CI output can be filtered
/// and tests can name the rule they expect.
package enum WorkforceDiagnosticCode {
    // Config (workforce/config.yaml)
    package static let configDuplicate = "workforce-config-duplicate"
    package static let configTarget = "workforce-config-target"
    package static let configLimit = "workforce-config-limit"
    /// An alias under `columns:` for no known column, or claimed by two columns.
    package static let configColumn = "workforce-config-column"

    // Snapshot files: errors
    package static let fileName = "workforce-file-name"
    package static let futureSnapshot = "workforce-future-snapshot"
    package static let emptySnapshot = "workforce-empty-snapshot"
    package static let noRows = "workforce-no-rows"
    package static let missingColumn = "workforce-missing-column"
    package static let duplicateColumn = "workforce-duplicate-column"
    package static let missingCell = "workforce-missing-cell"
    package static let unreadableCell = "workforce-unreadable-cell"
    package static let negativeFigure = "workforce-negative-figure"
    package static let figureTooLarge = "workforce-figure-too-large"
    package static let rateOutOfRange = "workforce-rate-out-of-range"
    package static let vacantMismatch = "workforce-vacant-mismatch"
    package static let rateMismatch = "workforce-rate-mismatch"
    package static let rateAsFraction = "workforce-rate-as-fraction"
    package static let groupSum = "workforce-group-sum"
    package static let areaSum = "workforce-area-sum"
    package static let duplicateRow = "workforce-duplicate-row"
    package static let duplicateSnapshot = "workforce-duplicate-snapshot"
    package static let unreadableWorkbook = "workforce-unreadable-workbook"
    package static let uncalculatedFormula = "workforce-uncalculated-formula"
    /// `quorum snapshots`: a file that is not a snapshot format.
    package static let snapshotFileType = "workforce-snapshot-file-type"
    /// `quorum snapshots normalize`: an output that would replace the input, or a failed write.
    package static let normalizeOverwrite = "workforce-normalize-overwrite"
    package static let normalizeWrite = "workforce-normalize-write"
    /// A note: a hidden row of a snapshot workbook is not read.
    package static let hiddenRow = "workforce-hidden-row"
    /// In an outline, a staff group row with no area row before it.
    package static let outlineGroupBeforeArea = "workforce-outline-group-before-area"
    /// In an outline, a label that is not an area or a staff group (or is both).
    package static let outlineUnknownLabel = "workforce-outline-unknown-label"
    /// A note: the snapshot is read as an outline (no `Staff group` column).
    package static let outlineLayout = "workforce-outline-layout"
    /// A note: a snapshot text file's cells are separated by a tab or semicolon, not as its extension says.
    package static let separator = "workforce-separator"
    /// A row with more cells than the header has columns (a decimal comma in a comma-separated file).
    package static let extraCells = "workforce-extra-cells"

    // Snapshot files: warnings
    package static let overEstablishment = "workforce-over-establishment"
    package static let unknownArea = "workforce-unknown-area"
    package static let unknownGroup = "workforce-unknown-group"
    package static let unknownColumn = "workforce-unknown-column"
    package static let agencyAboveVacant = "workforce-agency-above-vacant"

    // National benchmarks
    package static let benchmarkMissingColumn = "benchmark-missing-column"
    package static let benchmarkUnreadable = "benchmark-unreadable"
    package static let benchmarkOutOfRange = "benchmark-out-of-range"
    package static let benchmarkRateMismatch = "benchmark-rate-mismatch"
}
