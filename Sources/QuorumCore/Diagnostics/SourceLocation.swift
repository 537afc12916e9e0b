/// A place in an input file. Lines and columns count from 1; column 1 also stands for
/// "the whole line" and line 1 for "the whole file".
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = max(1, line)
        self.column = max(1, column)
    }

    public var description: String { "\(path):\(line):\(column)" }
}
