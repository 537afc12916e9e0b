import Foundation

/// `quorum new DIR`: a small content folder and the default templates, ready to build.
package enum StarterSite {
    /// The starter content; the templates come from `DefaultTheme`, a copy of `Templates/`.
    static let content: [(path: String, text: String)] = [
        ("Content/site.yaml", """
            # Settings for the whole site. See the README for every key.
            title: Work for Children's Social Care
            council: Example Borough Council
            base_url: https://careers.example.gov.uk
            language: en-GB
            description: Social work careers with Example Borough Council.
            branding:
              primary_colour: "#1d4f91"

            """),
        ("Content/pages/index.md", """
            ---
            title: Social work in Example Borough
            description: Why social workers choose Example Borough.
            menu: 1
            ---
            Welcome. Edit `Content/pages/index.md` and run `quorum build` again.

            """),
        ("Content/pages/about.md", """
            ---
            title: About us
            description: Our children's social care service.
            menu: 2
            ---
            ## Our service

            Write about your service here.

            """),
    ]

    package enum Failure: Error, CustomStringConvertible {
        case notEmpty(String)
        case cannotWrite(String, reason: String)
        package var description: String {
            switch self {
            case .notEmpty(let path): "\(path) already exists and is not empty; choose a new folder"
            case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    /// Writes the starter into `folder`, which must be new or empty. Returns the paths written.
    @discardableResult
    package static func create(at folder: URL) throws -> [String] {
        let fm = FileManager.default
        if let existing = try? fm.contentsOfDirectory(atPath: folder.path), !existing.isEmpty {
            throw Failure.notEmpty(folder.path)
        }
        let files = content + DefaultTheme.files.map { (path: "Templates/" + $0.path, text: $0.text) }
        do {
            for file in files {
                let url = folder.appendingPathComponent(file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url)
            }
            try fm.createDirectory(at: folder.appendingPathComponent("public"), withIntermediateDirectories: true)
        } catch {
            throw Failure.cannotWrite(folder.path, reason: WriteFailure.reason(error))
        }
        return files.map(\.path)
    }
}
