import Foundation
import Testing
@testable import QuorumSite
import QuorumSiteTestSupport
import QuorumTestSupport

/// A figure table that can scroll sideways sits in a named, focusable region (axe's
/// scrollable-region-focusable), whatever the width it is read at.
@Suite struct TableRegionTests {
    @Test func everyTableWrapperOfTheSampleIsANamedFocusableRegion() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let output = root.appendingPathComponent("public")
        let report = SiteBuild.build(options(content: TestPaths.sampleContent, output: output))
        #expect(!report.failed)
        var wrappers = 0
        for (path, data) in readTree(output) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for line in html.split(separator: "\n") where line.contains("class=\"table-wrap\"") {
                wrappers += 1
                let label = line.firstRange(of: #/aria-label="([^"]*)"/#)
                #expect(line.hasPrefix("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\""), "\(path): \(line)")
                #expect(label != nil && !line[label!].contains("aria-label=\"\""), "\(path): a region without a name")
            }
        }
        // The dashboard and the papers hold dozens of figure tables.
        #expect(wrappers > 20)
    }

    @Test func markdownTablesShrinkInsteadOfScrolling() throws {
        // A plain <table> from cmark cannot be focused, so it must never become a scroller.
        let css = try String(contentsOf: TestPaths.templates.appendingPathComponent("assets/quorum.css"), encoding: .utf8)
        #expect(!css.contains(".prose table { display: block; overflow-x: auto; }"))
        #expect(css.contains(".prose table { overflow-wrap: anywhere; }"))
    }
}
