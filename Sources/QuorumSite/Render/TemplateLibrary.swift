import Foundation
import Mustache
import QuorumContent
import QuorumOffice
import QuorumSupport

/// The Mustache templates of `Templates/`, parsed once per build.
///
/// A template is named by its path without `.mustache`: `page`, `partials/header`.
/// Pages extend `base` with Mustache's template inheritance (`{{<base}}{{$main}}...`).
package struct TemplateLibrary: Sendable {
    let library: MustacheLibrary
    package let names: Set<String>
    /// Files copied as they are: `assets/quorum.css` and the like.
    package let assets: [(path: String, url: URL)]
    /// The folder as diagnostics print it (`Templates`).
    package var displayRoot: String = "Templates"
    /// Each template's text by name, so that a link a template makes can be found in it.
    package var texts: [String: String] = [:]
    private let rendered = RenderedTemplates()
    /// Where each template rendered is noted, when `quorum serve` asks (`recording(into:)`).
    var reads: ReadRecorder<String>?

    /// The same templates, noting into `recorder` each one rendered.
    func recording(into recorder: ReadRecorder<String>?) -> TemplateLibrary {
        var library = self
        library.reads = recorder
        return library
    }

    /// The templates `names` take in, through partials (`{{> name}}`) and inheritance
    /// (`{{< name}}`), and those they take in, with `names` themselves.
    func takenIn(by names: Set<String>) -> Set<String> {
        var found = names
        var next = Array(names)
        while let name = next.popLast() {
            for included in Self.included(in: texts[name] ?? "") where found.insert(included).inserted {
                next.append(included)
            }
        }
        return found
    }

    /// Every name the tags of `name`'s template, and of the templates it takes in, could look
    /// up: each word inside a tag but a comment. More than it looks up, never less: a value
    /// these names leave out is one the template cannot show.
    func valueNames(usedBy name: String) -> Set<String> {
        var names: Set<String> = []
        for template in takenIn(by: [name]) {
            var rest = Substring(texts[template] ?? "")
            while let open = rest.range(of: "{{") {
                rest = rest[open.upperBound...]
                guard let close = rest.range(of: "}}") else { break }
                let tag = rest[..<close.lowerBound]
                rest = rest[close.upperBound...]
                guard tag.first != "!" else { continue }
                for word in tag.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) {
                    names.insert(String(word))
                }
            }
        }
        return names
    }

    /// The names of the templates `{{> name}}` and `{{< name}}` tags of `text` take in.
    static func included(in text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            let tag = rest.drop { $0 == " " }
            guard let sigil = tag.first, sigil == ">" || sigil == "<", let close = tag.range(of: "}}") else { continue }
            let name = tag[tag.index(after: tag.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { names.insert(name) }
        }
        return names
    }
    /// False when a template could write a page's text other than as it is or escaped:
    /// then no page is rendered through a `PageShell`. See `ShellSafety`.
    var allowsShells: Bool {
        texts.values.allSatisfy(ShellSafety.allows)
    }

    /// The template file of `name` as diagnostics print it: `Templates/page.mustache`.
    package func displayPath(_ name: String) -> String {
        "\(displayRoot)/\(name).mustache"
    }

    /// Templates whose file is there but could not be read or parsed. Each is reported once,
    /// at its file; a page that needs one is left out without another error.
    package var broken: Set<String> = []
    /// `paper.docx`, whose styles the papers' Word versions take (not copied to the output).
    package var wordReference: WordReferenceDocument?
    package static let wordReferenceName = "paper.docx"

    /// Reports at `location` each of `names` that is not in the templates folder; says
    /// nothing of a broken one, already reported at its own file.
    package func reportMissing(_ names: [String], at location: SourceLocation, log: inout DiagnosticLog) {
        let missing = names.filter { !self.names.contains($0) && !broken.contains($0) }
        guard !missing.isEmpty else { return }
        let files = missing.map { "'\($0).mustache'" }.joined(separator: " and ")
        log.error(location, "no template \(files) in the templates folder", code: "missing-template")
    }

    package static func load(_ root: URL, displayRoot: String, access: FileAccess = .disk,
                             log: inout DiagnosticLog) -> TemplateLibrary {
        _ = MarkdownContentType.registration
        _ = HTMLContentType.registration
        var library = MustacheLibrary()
        var names = Set<String>()
        var broken = Set<String>()
        var assets: [(String, URL)] = []
        var texts: [String: String] = [:]
        var wordReference: WordReferenceDocument?
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            log.error(SourceLocation(path: displayRoot), "the templates folder does not exist",
                      code: "missing-templates")
            return TemplateLibrary(library: library, names: [], assets: [])
        }
        let listing = FileTree.list(root, displayRoot: displayRoot, access: access, log: &log)
        // A template left out by the listing (a broken link) is reported there, once.
        for path in listing.refused where path.hasSuffix(".mustache") {
            broken.insert(String(path.dropLast(".mustache".count)))
        }
        for file in listing.files {
            let display = "\(displayRoot)/\(file.path)"
            if file.path == wordReferenceName {
                // Named by its display path, so that the message says Templates/paper.docx.
                do {
                    let bytes = try Data(contentsOf: URL(fileURLWithPath: file.diskPath))
                    wordReference = try WordReferenceDocument(data: bytes, path: display)
                } catch let error as WordDocumentError {
                    log.error(SourceLocation(path: display), "\(error) (the papers' Word versions take their styles from it)",
                              code: "docx-reference-unreadable")
                } catch {
                    log.error(SourceLocation(path: display), "cannot read this file: \(error.localizedDescription)",
                              code: "docx-reference-unreadable")
                }
                continue
            }
            guard file.path.hasSuffix(".mustache") else {
                if let error = access.checkReadable(file.diskPath) {
                    log.error(SourceLocation(path: display), "cannot read this file: \(error.reason)", code: "unreadable-file")
                } else {
                    assets.append((file.path, URL(fileURLWithPath: file.diskPath)))
                }
                continue
            }
            let name = String(file.path.dropLast(".mustache".count))
            let text: String
            switch access.contents(file.diskPath) {
            case let .failure(error):
                log.error(SourceLocation(path: display), "cannot read this template: \(error.reason)", code: "template-unreadable")
                broken.insert(name)
                continue
            case let .success(bytes):
                guard let decoded = String(validating: bytes, as: UTF8.self) else {
                    log.error(SourceLocation(path: display), "this template is not UTF-8 text; save it as UTF-8",
                              code: "template-unreadable")
                    broken.insert(name)
                    continue
                }
                let normalized = TextNormalization.normalized(decoded)
                TextNormalization.reportStrayByteOrderMark(normalized, in: display, log: &log)
                text = normalized.text
            }
            do {
                try library.register(MustacheTemplate(string: HTMLContentType.pragmaLine + text), named: name)
                names.insert(name)
                texts[name] = text
            } catch let error as MustacheTemplate.ParserError {
                // The line numbers count the pragma line put before the template's own text.
                log.error(SourceLocation(path: display, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber),
                          "template syntax: \(describe(error.error))", code: "template-syntax")
                broken.insert(name)
            } catch {
                log.error(SourceLocation(path: display), "template syntax: \(error)", code: "template-syntax")
                broken.insert(name)
            }
        }
        var loaded = TemplateLibrary(library: library, names: names, assets: assets, displayRoot: displayRoot, texts: texts,
                                     broken: broken)
        loaded.wordReference = wordReference
        return loaded
    }

    /// Renders `name` with `context`; nil when there is no such template. A context that is
    /// a plain value (a workforce table, a chart) is rendered once per build: papers of the
    /// same night show the same tables, and Mustache gives equal values the same text.
    /// (Equal as Swift compares them: a name in another Unicode normal form is the same
    /// name, so such a table may come out in the form first rendered.)
    package func render(_ name: String, _ context: Any) -> String? {
        reads?.note(name)
        guard names.contains(name) else { return nil }
        guard let value = context as? AnyHashable else { return library.render(context, withTemplate: name) }
        return rendered.text(for: RenderedTemplates.Key(template: name, value: value)) {
            library.render(context, withTemplate: name)
        }
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: "a section is closed with a different name than it was opened"
        case MustacheTemplate.Error.unfinishedName: "a tag is not closed with }}"
        case MustacheTemplate.Error.expectedSectionEnd: "a section is opened but never closed"
        default: "\(error)"
        }
    }
}
