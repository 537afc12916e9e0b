import Foundation
import Mustache
import QuorumContent
import QuorumPapers
import QuorumStrategy

/// A value whose stored properties templates read by name (`{{#rows}}{{label}}{{/rows}}`).
///
/// swift-mustache finds a property of a plain struct with a `Mirror`, reflecting every
/// property (label and value) on each lookup; a table of fifty areas does that hundreds of
/// thousands of times. A `TemplateView` finds the property's place once per type and
/// reflects only that property. The answer is exactly the `Mirror` lookup's: the first
/// stored property with that label, an `Optional` unwrapped one level, nil when absent.
package protocol TemplateView: MustacheParent {}

extension TemplateView {
    package func child(named name: String) -> Any? {
        let mirror = Mirror(reflecting: self)
        guard let offset = TemplateViewFields.offset(of: name, in: Self.self, mirror: mirror) else { return nil }
        let children = mirror.children
        return TemplateViewFields.unwrapOptional(children[children.index(children.startIndex, offsetBy: offset)].value)
    }
}

/// Each view type's property labels and their places, found once.
enum TemplateViewFields {
    private final class Cache: @unchecked Sendable {
        let lock = NSLock()
        var offsets: [ObjectIdentifier: [String: Int]] = [:]
    }
    private static let cache = Cache()

    static func offset(of name: String, in type: Any.Type, mirror: Mirror) -> Int? {
        let id = ObjectIdentifier(type)
        if let known = cache.lock.withLock({ cache.offsets[id] }) { return known[name] }
        var offsets: [String: Int] = [:]
        for (offset, child) in mirror.children.enumerated() {
            if let label = child.label, offsets[label] == nil { offsets[label] = offset }
        }
        cache.lock.withLock { cache.offsets[id] = offsets }
        return offsets[name]
    }

    /// swift-mustache's own unwrapping of a property's value.
    static func unwrapOptional(_ object: Any) -> Any? {
        let mirror = Mirror(reflecting: object)
        guard mirror.displayStyle == .optional else { return object }
        guard let first = mirror.children.first else { return nil }
        return first.value
    }
}

// The values Quorum hands its templates.
// Read on every page, so they name their properties themselves.
extension SiteView: TemplateView {
    package func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "council": council
        case "description": description
        case "language": language
        case "primaryColour": primaryColour
        case "logo": logo.map { $0 as Any }
        case "asOf": asOf
        case "asOfLong": asOfLong
        default: nil
        }
    }
}

extension NavigationItem: TemplateView {
    package func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "current": current
        default: nil
        }
    }
}

extension PageInfo: TemplateView {
    package func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "url": url
        case "canonicalURL": canonicalURL.map { $0 as Any }
        default: nil
        }
    }
}
// A snapshot table has a row for every area and group, and each row's cells look names up
// through it: these name their properties themselves too.
extension SnapshotTableView: TemplateView {
    func child(named name: String) -> Any? {
        switch name {
        case "caption": caption
        case "asAt": asAt
        case "columns": columns
        case "rows": rows
        case "hasSuspect": hasSuspect
        case "hasUnavailable": hasUnavailable
        case "suspectNote": suspectNote
        default: nil
        }
    }
}

extension SnapshotTableView.Column: TemplateView {
    func child(named name: String) -> Any? { name == "name" ? self.name : nil }
}

extension SnapshotTableView.Row: TemplateView {
    func child(named name: String) -> Any? {
        switch name {
        case "area": area
        case "group": group
        case "isTotal": isTotal
        case "isGrandTotal": isGrandTotal
        case "cells": cells
        default: nil
        }
    }
}
extension ReportCell: TemplateView {
    /// The most read view of all (every figure of every table), so it names its properties itself.
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "suspect": suspect
        case "available": available
        case "marker": marker
        case "note": note.map { $0 as Any }
        default: nil
        }
    }
}
// A scenario page shows thousands of lines of arithmetic and a table of every month, each
// figure a cell that looks its names up through the rows: these name their properties too.
extension CalculationTableView: TemplateView {
    func child(named name: String) -> Any? {
        switch name {
        case "caption": caption
        case "rows": rows
        case "hasSuspect": hasSuspect
        case "suspectNote": suspectNote
        default: nil
        }
    }
}

extension CalculationTableView.Row: TemplateView {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "inputs": inputs
        case "formula": formula
        case "result": result
        case "remark": remark
        default: nil
        }
    }
}

extension ScenarioTableView: TemplateView {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "caption": caption
        case "comparisonCaption": comparisonCaption
        case "rows": rows
        case "comparison": comparison
        case "totalCost": totalCost
        case "baselineTotalCost": baselineTotalCost
        case "costDifference": costDifference
        case "summary": summary
        case "hasSuspect": hasSuspect
        case "suspectNote": suspectNote
        default: nil
        }
    }
}

extension ScenarioTableView.Row: TemplateView {
    func child(named name: String) -> Any? {
        switch name {
        case "month": month
        case "employeeFTE": employeeFTE
        case "agencyFTE": agencyFTE
        case "vacantFTE": vacantFTE
        case "vacancyRate": vacancyRate
        case "agencyRate": agencyRate
        case "caseload": caseload
        case "staffingCost": staffingCost
        case "budget": budget
        case "variance": variance
        default: nil
        }
    }
}

extension ScenarioTableView.ComparisonRow: TemplateView {
    func child(named name: String) -> Any? {
        switch name {
        case "month": month
        case "employeeFTE": employeeFTE
        case "agencyFTE": agencyFTE
        case "vacantFTE": vacantFTE
        case "scenarioCost": scenarioCost
        case "baselineCost": baselineCost
        case "costDifference": costDifference
        default: nil
        }
    }
}
extension ChangeTableView: TemplateView {}
extension ChangeTableView.Row: TemplateView {}
extension TargetTableView: TemplateView {}
extension TargetTableView.Row: TemplateView {}
extension ChartView: TemplateView {}
extension ChartView.Column: TemplateView {}
extension ChartView.Row: TemplateView {}
extension BenchmarkTableView: TemplateView {}
extension BenchmarkTableView.Row: TemplateView {}
extension BenchmarkTableView.Column: TemplateView {}
extension BarChart: TemplateView {}
extension BarChart.Bar: TemplateView {}
extension LineChart: TemplateView {}
extension LineChart.Series: TemplateView {}
extension ActionPlanSummary: TemplateView {}
extension ActionPlanSummary.Row: TemplateView {}
extension Priority: TemplateView {}
extension Action: TemplateView {}
extension ProgressNote: TemplateView {}
extension PaperLayout: TemplateView {}
extension PaperLayout.Paragraph: TemplateView {}
extension PaperLayout.Section: TemplateView {}
extension CommitteePaper: TemplateView {}
extension CommitteePaper.Person: TemplateView {}
extension CommitteePaper.Contact: TemplateView {}
extension CommitteePaper.BackgroundDocument: TemplateView {}
extension PageHighlights.Fact: TemplateView {}
extension PageHighlights.Action: TemplateView {}
extension VacancyView: TemplateView {}
extension FilterLink: TemplateView {}
extension TestimonialView: TemplateView {}
extension EventView: TemplateView {}
extension AtomFeed.Entry: TemplateView {}
