import Foundation

/// Exempt papers go to a folder of their own that can never be, or be inside, the public one.
enum ExemptFolder {
    static func problem(_ folder: URL, publicOutput: URL) -> String? {
        let exempt = folder.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        let output = publicOutput.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        if exempt.hasPrefix(output) || output.hasPrefix(exempt) {
            return "exempt papers must go to a folder outside the public output \(BuildOptions.display(publicOutput)), not inside it or around it"
        }
        return nil
    }
}
