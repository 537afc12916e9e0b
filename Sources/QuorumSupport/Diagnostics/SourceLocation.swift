/// A place in an input file. Lines and columns count from 1; column 1 also stands for
/// "the whole line" and line 1 for "the whole file".
package struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    package var path: String
    package var line: Int
    package var column: Int

    package init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = max(1, line)
        self.column = max(1, column)
    }

    package var description: String { "\(path):\(line):\(column)" }
}
