/// `--pdf`: also print each paper to PDF, through headless Chromium.
package struct PDFOptions: Sendable {
    /// `--chromium PATH`, when given: the browser to print with.
    package var chromium: String?
    /// Where else Chromium is looked for: `QUORUM_CHROMIUM`, then `chromium` on `PATH`.
    /// Given by the caller, so that a test decides what the build sees.
    package var environment: [String: String]

    package init(chromium: String? = nil, environment: [String: String]) {
        self.chromium = chromium
        self.environment = environment
    }

    /// The environment variable that names the browser when `--chromium` does not.
    package static let chromiumVariable = "QUORUM_CHROMIUM"
}
