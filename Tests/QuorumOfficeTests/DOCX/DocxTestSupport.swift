import Foundation
@testable import QuorumOffice

/// Paths and helpers of the Word writer's tests.
enum DocxTestSupport {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Tests/QuorumOfficeTests/Fixtures")
    static let python = repository.appendingPathComponent(".venv/bin/python")
    static let chartPNG = try! Data(contentsOf: fixtures.appendingPathComponent("chart.png"))
    static let chartSVG = try! Data(contentsOf: fixtures.appendingPathComponent("chart.svg"))

    /// A new empty folder, removed by the caller.
    static func temporaryFolder(_ name: String = #function) -> URL {
        let clean = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("quorum-office-tests-\(clean)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Whether `.venv/bin/python` exists and imports python-docx (scripts/setup installs both).
    static let pythonDocxAvailable: Bool = {
        guard FileManager.default.isExecutableFile(atPath: python.path) else { return false }
        return (try? run(python, ["-c", "import docx"]).status) == 0
    }()

    /// The first of the names found on PATH.
    static func executable(_ names: String...) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for folder in path.split(separator: ":") {
                let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        return nil
    }

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ executable: URL, _ arguments: [String], in folder: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the process runs, so a full pipe cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            errorData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
                      stderr: String(decoding: errorData, as: UTF8.self))
    }

    /// What python-docx reads from a written document (Fixtures/read_docx.py).
    static func read(_ url: URL) throws -> ReadDocument {
        let output = try run(python, [fixtures.appendingPathComponent("read_docx.py").path, url.path])
        guard output.status == 0 else { throw ReaderFailure(message: output.stderr) }
        return try JSONDecoder().decode(ReadDocument.self, from: Data(output.stdout.utf8))
    }

    struct ReaderFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// Writes the document into the folder and reads it back with python-docx.
    static func writeAndRead(_ document: WordDocument, writer: WordDocumentWriter = WordDocumentWriter(),
                             in folder: URL, name: String = "paper.docx") throws -> ReadDocument {
        let url = folder.appendingPathComponent(name)
        try writer.write(document, to: url)
        return try read(url)
    }
}

/// The JSON read_docx.py prints.
struct ReadDocument: Decodable {
    struct Block: Decodable {
        let kind: String
        // Paragraphs
        let style: String?
        let text: String?
        let alignment: String?
        let numID: Int?
        let level: Int?
        let hanging: Int?
        let bold: [String]?
        let italic: [String]?
        let hyperlinks: [Hyperlink]?
        let pageBreak: Bool?
        // Tables
        let caption: String?
        let columnWidths: [Int]?
        let rows: [Row]?
    }
    struct Hyperlink: Decodable, Equatable {
        let text: String
        let url: String
    }
    struct Row: Decodable {
        let header: Bool
        let cantSplit: Bool
        let cells: [Cell]
    }
    struct Cell: Decodable {
        let text: String
        let alignment: String?
    }
    struct Core: Decodable {
        let title: String?
        let author: String?
        let created: String?
        let modified: String?
    }
    struct Image: Decodable {
        let descr: String?
        let width: Int
        let height: Int
    }
    struct Page: Decodable {
        let width: Int
        let height: Int
    }

    let blocks: [Block]
    let core: Core
    let images: [Image]
    let styles: [String: String]
    let headingOutlineLevels: [String: Int]
    let page: Page
    let footer: [String]

    var paragraphs: [Block] { blocks.filter { $0.kind == "paragraph" } }
    var tables: [Block] { blocks.filter { $0.kind == "table" } }
}
