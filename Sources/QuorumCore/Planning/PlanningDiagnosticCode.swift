/// The codes of every planning diagnostic, one per rule, so CI output can be filtered and
/// tests can name the rule they expect.
public enum PlanningDiagnosticCode {
    // Cost model and planning keys of workforce/config.yaml
    public static let costModel = "planning-cost-model"
    public static let missingCost = "planning-missing-cost"
    public static let unknownGroup = "planning-unknown-group"
    public static let unknownArea = "planning-unknown-area"
    public static let badNumber = "planning-bad-number"
    public static let negative = "planning-negative"

    // Budget monitoring (workforce/budget/YYYY-MM.csv)
    public static let budgetFileName = "planning-budget-file-name"
    public static let budgetEmpty = "planning-budget-empty"
    public static let budgetUnits = "planning-budget-units"
    public static let budgetMissingColumn = "planning-budget-missing-column"
    public static let budgetUnreadable = "planning-budget-unreadable"
    public static let budgetDuplicateRow = "planning-budget-duplicate-row"
    public static let budgetTotal = "planning-budget-total"

    // Reconciliation and caseloads
    public static let reconciliation = "planning-reconciliation"
    public static let caseload = "planning-caseload-above-optimum"

    // Scenarios (scenarios/*.md)
    public static let scenario = "planning-scenario"
    public static let scenarioStart = "planning-scenario-start"
    public static let pastHorizon = "planning-past-horizon"
    public static let overEstablishment = "planning-over-establishment"
    public static let conversionShort = "planning-conversion-short"
}
