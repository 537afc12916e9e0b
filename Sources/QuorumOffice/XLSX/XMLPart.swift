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
        guard let text = try utf8View(of: data, part: part) else { return }
        let doctype = Data("<!DOCTYPE".utf8)
        // A DTD must come before the root element; look only at the prolog.
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: UInt8(ascii: "<")) {
            let next = text.index(after: open)
            guard next < text.endIndex else { return }
            switch text[next] {
            case UInt8(ascii: "?"):
                guard let end = text[next...].firstRange(of: Data("?>".utf8)) else { return }
                index = end.upperBound
            case UInt8(ascii: "!"):
                if text[open...].starts(with: doctype) {
                    throw WorkbookError.malformedPart(part: part, line: nil, column: nil,
                                                      message: "a document type declaration (<!DOCTYPE) is not allowed in a workbook part")
                }
                guard let end = text[next...].firstRange(of: Data("-->".utf8)) else { return }
                index = end.upperBound
            default:
                return
            }
        }
    }

    /// The part's bytes as UTF-8 for the prolog check: as they are when the part is UTF-8 (or
    /// another encoding that keeps ASCII), transcoded when it is UTF-16, which OPC also allows.
    /// Other encodings (UTF-32) are refused; nil for an empty part.
    private static func utf8View(of data: Data, part: String) throws -> Data? {
        let head = Array(data.prefix(4))
        guard head.count >= 2 else { return data.isEmpty ? nil : data }
        let encoding: String.Encoding?
        switch (head[0], head[1]) {
        case (0xFF, 0xFE), (0xFE, 0xFF): encoding = .utf16
        case (_, 0x00): encoding = .utf16LittleEndian
        case (0x00, _): encoding = .utf16BigEndian
        default: encoding = nil
        }
        guard let encoding else { return data }
        let zeros = zip(head, head.dropFirst()).contains { $0 == 0 && $1 == 0 }
        guard !zeros, let text = String(data: data, encoding: encoding) else {
            throw WorkbookError.malformedPart(part: part, line: nil, column: nil,
                                              message: "the part is neither UTF-8 nor UTF-16 text")
        }
        return Data(text.utf8)
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
