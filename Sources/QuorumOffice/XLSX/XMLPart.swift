import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XMLCoder

/// Reading one XML part of the package, with errors that name the part.
///
/// Small structured parts (relationships, workbook.xml, styles.xml) are decoded with
/// XMLCoder into `Decodable` models. The shared strings and the worksheets are read with
/// Foundation's streaming `XMLParser` instead: they can be large (XMLCoder builds the whole
/// tree first), their text must keep its spaces exactly (XMLCoder trims values), and rich
/// text mixes runs whose order matters.
enum XMLPart {
    /// Decodes a structured part with XMLCoder.
    static func decode<Model: Decodable>(_ type: Model.Type, from data: Data, part: String) throws -> Model {
        // XMLCoder's parser recovers from some errors on Linux (a mismatched end tag); a
        // strict pass first makes malformed XML an error with its line and column.
        try parse(data, with: PartReader(part: part))
        let decoder = XMLDecoder()
        decoder.shouldProcessNamespaces = true
        do {
            return try decoder.decode(Model.self, from: data)
        } catch let error as DecodingError {
            throw WorkbookError.malformedPart(part: part, line: nil, column: nil, message: describe(error))
        } catch {
            throw WorkbookError.malformedPart(part: part, line: nil, column: nil, message: String(describing: error))
        }
    }

    /// Streams a part through a reader. The reader's first error wins: its own (a bad cell)
    /// or the parser's, reported with its line and column.
    static func parse(_ data: Data, with reader: PartReader) throws {
        try rejectDocumentTypeDeclaration(data, part: reader.part)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        let finished = parser.parse()
        if let failure = reader.failure { throw failure }
        if !finished {
            throw WorkbookError.malformedPart(part: reader.part, line: parser.lineNumber, column: parser.columnNumber,
                                              message: parser.parserError.map(describe) ?? "the XML parser stopped")
        }
    }

    /// OOXML parts never carry a DTD; refusing one shuts out entity expansion ("billion laughs").
    static func rejectDocumentTypeDeclaration(_ data: Data, part: String) throws {
        let doctype = Data("<!DOCTYPE".utf8)
        // A DTD must come before the root element; look only at the prolog.
        var index = data.startIndex
        while let open = data[index...].firstIndex(of: UInt8(ascii: "<")) {
            let next = data.index(after: open)
            guard next < data.endIndex else { return }
            switch data[next] {
            case UInt8(ascii: "?"):
                guard let end = data[next...].firstRange(of: Data("?>".utf8)) else { return }
                index = end.upperBound
            case UInt8(ascii: "!"):
                if data[open...].starts(with: doctype) {
                    throw WorkbookError.malformedPart(part: part, line: nil, column: nil,
                                                      message: "a document type declaration (<!DOCTYPE) is not allowed in a workbook part")
                }
                guard let end = data[next...].firstRange(of: Data("-->".utf8)) else { return }
                index = end.upperBound
            default:
                return
            }
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map(\.stringValue).filter { !$0.isEmpty && Int($0) == nil }
            return keys.isEmpty ? "" : " at " + keys.joined(separator: "/")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing <\(key.stringValue)>\(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return context.debugDescription + path(context)
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError { return describe(underlying) }
            return context.debugDescription + path(context)
        @unknown default:
            return String(describing: error)
        }
    }

    static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        if nsError.domain == XMLParser.errorDomain {
            return parserMessages[nsError.code] ?? "not well-formed XML (parser error \(nsError.code))"
        }
        if let reason = nsError.userInfo[NSLocalizedFailureReasonErrorKey] as? String { return reason }
        return String(describing: error)
    }

    /// libxml2's codes, as Foundation's XMLParser reports them, for the usual mistakes.
    private static let parserMessages: [Int: String] = [
        4: "the part is empty or not XML", 5: "extra content after the end of the document",
        9: "an invalid character", 26: "an undeclared entity", 38: "a '<' inside an attribute value",
        39: "an attribute value without quotes", 41: "an attribute without a value",
        68: "a name is missing", 73: "'>' expected", 76: "an end tag that does not match its start tag",
        77: "the document ends before its elements are closed", 201: "an undeclared namespace prefix",
    ]
}

/// Reads one part as the parser streams it. The base class only catches XML errors; the
/// readers of shared strings and sheets add what they collect.
class PartReader: NSObject, XMLParserDelegate {
    let part: String
    private(set) var failure: WorkbookError?
    private weak var parser: XMLParser?

    init(part: String) {
        self.part = part
    }

    /// Records the first problem and stops the parser.
    func fail(_ error: WorkbookError) {
        guard failure == nil else { return }
        failure = error
        parser?.abortParsing()
    }

    func parserDidStartDocument(_ parser: XMLParser) {
        self.parser = parser
    }

    // The readers override these. (On Linux the protocol's witnesses are bound here, in the
    // class that conforms, so a subclass's methods are called only as overrides.)
    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {}

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {}

    func parser(_ parser: XMLParser, foundCharacters string: String) {}

    func parser(_ parser: XMLParser, foundCDATA block: Data) {}

    func parser(_ parser: XMLParser, parseErrorOccurred error: Error) {
        self.parser = parser
        // Foundation on Linux reports namespace URI warnings (99, 100) as errors, and then
        // recovers from real errors and returns true: every other error ends the read here.
        let code = (error as NSError).code
        guard code != 99, code != 100 else { return }
        fail(.malformedPart(part: part, line: parser.lineNumber, column: parser.columnNumber,
                            message: XMLPart.describe(error)))
    }
}

/// Text as OOXML stores it: `_x000D_` stands for the character U+000D, and `_x005F_` for `_`.
enum OOXMLText {
    static func unescape(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            let afterMarker = rest[start.upperBound...]
            let hex = afterMarker.prefix(4)
            if hex.count == 4, afterMarker.dropFirst(4).first == "_",
               let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                result += rest[..<start.lowerBound]
                result.unicodeScalars.append(scalar)
                rest = afterMarker.dropFirst(5)
            } else {
                result += rest[..<start.upperBound]
                rest = afterMarker
            }
        }
        return result + rest
    }
}
