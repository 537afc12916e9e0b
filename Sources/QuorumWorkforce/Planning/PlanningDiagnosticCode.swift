import Foundation
import QuorumContent
import QuorumSupport

/// The codes of every planning diagnostic, one per rule, so CI output can be filtered and
/// tests can name the rule they expect.
package enum PlanningDiagnosticCode {
    // Cost model and planning keys of workforce/config.yaml
    package static let costModel = "planning-cost-model"
    package static let missingCost = "planning-missing-cost"
    package static let unknownGroup = "planning-unknown-group"
    package static let unknownArea = "planning-unknown-area"
    package static let badNumber = "planning-bad-number"
    package static let negative = "planning-negative"

    // Budget monitoring (workforce/budget/YYYY-MM.csv)
    package static let budgetFileName = "planning-budget-file-name"
    package static let budgetEmpty = "planning-budget-empty"
    package static let budgetUnits = "planning-budget-units"
    package static let budgetMissingColumn = "planning-budget-missing-column"
    package static let budgetUnreadable = "planning-budget-unreadable"
    package static let budgetDuplicateRow = "planning-budget-duplicate-row"
    package static let budgetTotal = "planning-budget-total"

    // Reconciliation and caseloads
    package static let reconciliation = "planning-reconciliation"
    package static let caseload = "planning-caseload-above-optimum"

    // Scenarios (scenarios/*.md)
    package static let scenario = "planning-scenario"
    package static let scenarioStart = "planning-scenario-start"
    package static let pastHorizon = "planning-past-horizon"
    package static let overEstablishment = "planning-over-establishment"
    package static let conversionShort = "planning-conversion-short"
}
