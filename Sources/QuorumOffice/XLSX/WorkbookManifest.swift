import Foundation

/// What workbook.xml and its relationships say: the sheets in tab order, the date system,
/// and where the shared strings and styles are.
struct WorkbookManifest {
    let sheets: [SheetEntry]
    let dateSystem: DateSystem
    let sharedStringsPart: String?
    let stylesPart: String?

    static func read(from package: PackageReader) throws -> WorkbookManifest {
        let workbookPart = try workbookPartName(in: package)
        let workbook = try XMLPart.decode(WorkbookXML.self, from: package.requiredData(ofPart: workbookPart),
                                          part: workbookPart)
        guard let relationships = try Relationships.read(for: workbookPart, in: package) else {
            throw WorkbookError.missingPart(PartPath.relationships(of: workbookPart))
        }
        var sheets: [SheetEntry] = []
        for sheet in workbook.sheets.sheet ?? [] {
            guard let relationship = relationships[sheet.relationshipID], let part = relationship.part else {
                throw WorkbookError.malformedPart(
                    part: workbookPart, line: nil, column: nil,
                    message: "sheet '\(sheet.name)' points to relationship '\(sheet.relationshipID)', which \(PartPath.relationships(of: workbookPart)) does not list")
            }
            let visibility = SheetEntry.Visibility(rawValue: sheet.state ?? "visible") ?? .visible
            let kind: SheetEntry.Kind = relationship.kind == "worksheet" ? .worksheet : .other(relationship.kind)
            sheets.append(SheetEntry(name: sheet.name, visibility: visibility, kind: kind, part: part))
        }
        guard !sheets.isEmpty else {
            throw WorkbookError.malformedPart(part: workbookPart, line: nil, column: nil, message: "the workbook lists no sheets")
        }
        let date1904 = workbook.workbookPr?.date1904.map { ["1", "true"].contains($0.lowercased()) } ?? false
        return WorkbookManifest(sheets: sheets, dateSystem: date1904 ? .from1904 : .from1900,
                                sharedStringsPart: relationships.first(ofKind: "sharedStrings")?.part,
                                stylesPart: relationships.first(ofKind: "styles")?.part)
    }

    /// The main part named by the package's `_rels/.rels`; `xl/workbook.xml` if that is missing.
    private static func workbookPartName(in package: PackageReader) throws -> String {
        if let relationships = try Relationships.read(for: "", in: package),
           let part = relationships.first(ofKind: "officeDocument")?.part {
            return part
        }
        if package.contains("xl/workbook.xml") { return "xl/workbook.xml" }
        throw WorkbookError.missingPart("xl/workbook.xml")
    }
}

private struct WorkbookXML: Decodable {
    let workbookPr: Properties?
    let sheets: Sheets

    struct Properties: Decodable {
        let date1904: String?
    }

    struct Sheets: Decodable {
        let sheet: [Sheet]?
    }

    struct Sheet: Decodable {
        let name: String
        let state: String?
        let relationshipID: String

        enum CodingKeys: String, CodingKey {
            case name, state
            // `r:id`; with namespaces processed the parser may give either form.
            case relationshipID = "r:id", localID = "id"
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            state = try container.decodeIfPresent(String.self, forKey: .state)
            if let id = try container.decodeIfPresent(String.self, forKey: .relationshipID) {
                relationshipID = id
            } else {
                relationshipID = try container.decode(String.self, forKey: .localID)
            }
        }
    }
}
