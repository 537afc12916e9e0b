import Foundation
import QuorumSite
import QuorumTestSupport

/// Options building `content` with the repository's templates into `output`.
package func options(content: URL, output: URL, strict: Bool = false) -> BuildOptions {
    let date = content.standardizedFileURL == TestPaths.sampleContent.standardizedFileURL ? sampleDate : testDate
    return BuildOptions(content: content, templates: TestPaths.templates, output: output, asOf: date, strict: strict)
}
