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
        try rejectDocumentTypeDeclaration(data, part: part)
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

    /// Streams a part through a delegate; a delegate's own `WorkbookError` wins over the
    /// parser's error, which is reported with its line and column.
    static func parse(_ data: Data, part: String, with delegate: some PartParsingDelegate) throws {
        try rejectDocumentTypeDeclaration(data, part: part)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let finished = parser.parse()
        if let failure = delegate.failure { throw failure }
        if !finished {
            let message = parser.parserError.map { describe($0) } ?? "the XML parser stopped"
            throw WorkbookError.malformedPart(part: part, line: parser.lineNumber, column: parser.columnNumber,
                                              message: message)
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

    private static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        if let reason = nsError.userInfo[NSLocalizedFailureReasonErrorKey] as? String { return reason }
        if let description = nsError.userInfo[NSLocalizedDescriptionKey] as? String { return description }
        if nsError.domain == XMLParser.errorDomain { return "not well-formed (XMLParser error \(nsError.code))" }
        return String(describing: error)
    }
}

/// A streaming reader of one part; it sets `failure` and aborts the parser on bad content.
protocol PartParsingDelegate: XMLParserDelegate {
    var failure: WorkbookError? { get }
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
