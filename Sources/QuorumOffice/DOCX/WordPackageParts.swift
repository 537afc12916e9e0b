import Foundation

/// The small fixed parts of a package: content types, package relationships, document
/// properties, settings and the footer.
enum WordPackageParts {
    static func contentTypes(hasImages: Bool, hasSVG: Bool, hasTheme: Bool) -> String {
        var x = OfficeXMLWriter()
        x.element("Types", [("xmlns", WordNamespace.contentTypes)]) { x in
            x.empty("Default", [("Extension", "rels"), ("ContentType", WordContentType.relationships)])
            x.empty("Default", [("Extension", "xml"), ("ContentType", "application/xml")])
            if hasImages { x.empty("Default", [("Extension", "png"), ("ContentType", "image/png")]) }
            if hasSVG { x.empty("Default", [("Extension", "svg"), ("ContentType", "image/svg+xml")]) }
            var overrides = [("/word/document.xml", WordContentType.document),
                             ("/word/styles.xml", WordContentType.styles),
                             ("/word/numbering.xml", WordContentType.numbering),
                             ("/word/settings.xml", WordContentType.settings),
                             ("/word/footer1.xml", WordContentType.footer)]
            if hasTheme { overrides.append(("/word/theme/theme1.xml", WordContentType.theme)) }
            overrides += [("/docProps/core.xml", WordContentType.coreProperties),
                          ("/docProps/app.xml", WordContentType.extendedProperties)]
            for (part, type) in overrides {
                x.empty("Override", [("PartName", part), ("ContentType", type)])
            }
        }
        return x.xml
    }

    static var packageRelationships: String {
        var relationships = WordRelationships()
        _ = relationships.add(type: WordRelationshipType.officeDocument, target: "word/document.xml")
        _ = relationships.add(type: WordRelationshipType.coreProperties, target: "docProps/core.xml")
        _ = relationships.add(type: WordRelationshipType.extendedProperties, target: "docProps/app.xml")
        return relationships.xml
    }

    static func core(_ properties: WordDocumentProperties) -> String {
        var x = OfficeXMLWriter()
        x.element("cp:coreProperties", [("xmlns:cp", WordNamespace.coreProperties),
                                        ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
                                        ("xmlns:dcterms", "http://purl.org/dc/terms/"),
                                        ("xmlns:dcmitype", "http://purl.org/dc/dcmitype/"),
                                        ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")]) { x in
            x.text("dc:title", properties.title)
            if let subject = properties.subject { x.text("dc:subject", subject) }
            x.text("dc:creator", properties.creator)
            if !properties.keywords.isEmpty { x.text("cp:keywords", properties.keywords.joined(separator: "; ")) }
            if let description = properties.description { x.text("dc:description", description) }
            x.text("cp:lastModifiedBy", properties.creator)
            x.text("dcterms:created", [("xsi:type", "dcterms:W3CDTF")], w3cdtf(properties.created))
            x.text("dcterms:modified", [("xsi:type", "dcterms:W3CDTF")], w3cdtf(properties.modified ?? properties.created))
        }
        return x.xml
    }

    static func app(_ properties: WordDocumentProperties) -> String {
        var x = OfficeXMLWriter()
        x.element("Properties", [("xmlns", WordNamespace.extendedProperties),
                                 ("xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes")]) { x in
            x.text("Application", properties.application)
            x.text("DocSecurity", "0")
            if let company = properties.company { x.text("Company", company) }
        }
        return x.xml
    }

    static var settings: String {
        var x = OfficeXMLWriter()
        x.element("w:settings", [("xmlns:w", WordNamespace.main)]) { x in
            x.empty("w:zoom", [("w:percent", "100")])
            x.empty("w:defaultTabStop", [("w:val", "720")])
            x.empty("w:characterSpacingControl", [("w:val", "doNotCompress")])
            x.element("w:compat") { x in
                // Word 2013 and later layout, so Word does not open it in compatibility mode.
                x.empty("w:compatSetting", [("w:name", "compatibilityMode"),
                                            ("w:uri", "http://schemas.microsoft.com/office/word"), ("w:val", "15")])
            }
        }
        return x.xml
    }

    /// "Page N" centred at the foot of each page.
    static var footer: String {
        var x = OfficeXMLWriter()
        x.element("w:ftr", [("xmlns:w", WordNamespace.main), ("xmlns:r", WordNamespace.relationships)]) { x in
            x.element("w:p") { x in
                x.element("w:pPr") { x in x.empty("w:jc", [("w:val", "center")]) }
                x.element("w:r") { x in x.text("w:t", [("xml:space", "preserve")], "Page ") }
                x.element("w:fldSimple", [("w:instr", " PAGE ")]) { x in
                    x.element("w:r") { x in x.text("w:t", "1") }
                }
            }
        }
        return x.xml
    }

    /// W3CDTF in UTC to the second, as Word writes it.
    static func w3cdtf(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { (value ?? 0) < 10 ? "0\(value ?? 0)" : "\(value ?? 0)" }
        let year = String(c.year ?? 1970)
        return "\(String(repeating: "0", count: max(0, 4 - year.count)))\(year)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))Z"
    }
}
