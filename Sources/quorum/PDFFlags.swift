import ArgumentParser
import Foundation
import QuorumSite

/// `--pdf` and `--chromium`: the options of the commands that write papers (`build`, `annual`).
struct PDFFlags: ParsableArguments {
    @Flag(help: "Also print each paper to PDF beside its HTML, with headless Chromium (apt-get install chromium).")
    var pdf = false

    @Option(help: ArgumentHelp("The Chromium to print with (default: $QUORUM_CHROMIUM, else chromium on PATH).", valueName: "path"))
    var chromium: String?

    /// The PDF options, the environment read here: the command line is where Quorum meets it.
    var options: PDFOptions? {
        pdf ? PDFOptions(chromium: chromium, environment: ProcessInfo.processInfo.environment) : nil
    }
}
