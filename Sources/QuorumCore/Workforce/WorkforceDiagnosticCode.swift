/// The codes of every workforce diagnostic, one per rule, so CI output can be filtered
/// and tests can name the rule they expect.
public enum WorkforceDiagnosticCode {
    // Config (workforce/config.yaml)
    public static let configDuplicate = "workforce-config-duplicate"
    public static let configTarget = "workforce-config-target"
    public static let configLimit = "workforce-config-limit"

    // Snapshot files: errors
    public static let fileName = "workforce-file-name"
    public static let futureSnapshot = "workforce-future-snapshot"
    public static let emptySnapshot = "workforce-empty-snapshot"
    public static let noRows = "workforce-no-rows"
    public static let missingColumn = "workforce-missing-column"
    public static let duplicateColumn = "workforce-duplicate-column"
    public static let missingCell = "workforce-missing-cell"
    public static let unreadableCell = "workforce-unreadable-cell"
    public static let negativeFigure = "workforce-negative-figure"
    public static let figureTooLarge = "workforce-figure-too-large"
    public static let rateOutOfRange = "workforce-rate-out-of-range"
    public static let vacantMismatch = "workforce-vacant-mismatch"
    public static let rateMismatch = "workforce-rate-mismatch"
    public static let rateAsFraction = "workforce-rate-as-fraction"
    public static let groupSum = "workforce-group-sum"
    public static let areaSum = "workforce-area-sum"
    public static let duplicateRow = "workforce-duplicate-row"
    public static let duplicateSnapshot = "workforce-duplicate-snapshot"

    // Snapshot files: warnings
    public static let overEstablishment = "workforce-over-establishment"
    public static let unknownArea = "workforce-unknown-area"
    public static let unknownGroup = "workforce-unknown-group"
    public static let unknownColumn = "workforce-unknown-column"
    public static let agencyAboveVacant = "workforce-agency-above-vacant"

    // National benchmarks
    public static let benchmarkMissingColumn = "benchmark-missing-column"
    public static let benchmarkUnreadable = "benchmark-unreadable"
    public static let benchmarkOutOfRange = "benchmark-out-of-range"
    public static let benchmarkRateMismatch = "benchmark-rate-mismatch"
}
