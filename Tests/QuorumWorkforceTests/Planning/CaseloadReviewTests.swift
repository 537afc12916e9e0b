import Testing
@testable import QuorumContent
import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// Caseloads against the optimum (15) and the team structure 1 : 6 : 1.
@Suite struct CaseloadReviewTests {
    typealias T = PlanningTesting

    @Test func caseloadsAgainstTheOptimumAndTheTeamItNeeds() throws {
        let loaded = T.load()
        let review = try #require(loaded.planning.caseloads)
        let alpha = try #require(review.areas.first { $0.areaID == "alpha" })
        // 180 cases ÷ 10.0 case holders = 18 > 15: above the optimum.
        #expect(alpha.caseload == 18 && alpha.isAboveOptimum)
        // Needed: 180 ÷ 15 = 12 case holders; 12 − 10 = 2 short.
        #expect(alpha.caseHoldersNeeded == 12 && alpha.caseHolderGap == 2)
        // Team 1 : 6 : 1 for 12 social workers: managers 12 × 1 ÷ 6 = 2 (budgeted 2: no change),
        // social workers 12 (budgeted 12), others 2 (no row in the snapshot: not available).
        let needs = Dictionary(uniqueKeysWithValues: alpha.groups.map { ($0.groupID, $0) })
        #expect(needs["managers"]?.fteForOptimum == 2 && needs["managers"]?.establishmentGap == 0)
        #expect(needs["social-workers"]?.fteForOptimum == 12 && needs["social-workers"]?.establishmentGap == 0)
        #expect(needs["others"]?.fteForOptimum == 2 && needs["others"]?.establishmentGap == nil)

        let beta = try #require(review.areas.first { $0.areaID == "beta" })
        // 60 ÷ 6 = 10, below 15: needed 60 ÷ 15 = 4, so 4 − 6 = −2 (capacity beyond the optimum).
        #expect(beta.caseload == 10 && !beta.isAboveOptimum && beta.caseHolderGap == -2)
        // Directorate: 240 ÷ 16 = 15, at the optimum, not above it.
        #expect(review.directorate.caseload == 15 && !review.directorate.isAboveOptimum)

        // One warning, at Alpha's social workers row (line 3: its total is computed).
        let warnings = loaded.diagnostics(PlanningDiagnosticCode.caseload)
        #expect(warnings.map(\.location.description) == ["Content/workforce/snapshots/2019-09-30.csv:3:1"])
        #expect(warnings.first?.message == "Alpha: the caseload is 18.0 (180.0 cases ÷ 10.0 case holders FTE), above the optimum of 15.0; 2.0 more case-holding FTE would reach it")
    }

    @Test func noOptimumMeansNoReview() {
        let config = T.config.replacingOccurrences(of: "optimum_caseload: 15\n", with: "")
        #expect(T.load(["workforce/config.yaml": config]).planning.caseloads == nil)
    }

    @Test func teamStructureNamesAreChecked() {
        let config = T.config.replacingOccurrences(of: "default: { managers: 1, social-workers: 6, others: 1 }",
                                                   with: "Gamma: { managers: 1, social-workers: 6 }\n  Beta: { wizards: 1, managers: 1 }")
        let loaded = T.load(["workforce/config.yaml": config])
        #expect(loaded.codes(.error).filter { $0.hasPrefix("planning") }.sorted()
            == [PlanningDiagnosticCode.costModel, PlanningDiagnosticCode.unknownArea, PlanningDiagnosticCode.unknownGroup])
    }
}
