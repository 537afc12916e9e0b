/// A bulleted or numbered list. Each numbered list starts again at 1.
package struct WordList: Sendable, Equatable {
    package enum Kind: Sendable, Equatable { case bullet, number }

    package var kind: Kind
    package var items: [WordListItem]

    package init(_ kind: Kind, _ items: [WordListItem]) {
        self.kind = kind
        self.items = items
    }

    package init(_ kind: Kind, texts: [String]) {
        self.init(kind, texts.map { WordListItem([WordRun($0)]) })
    }
}

package struct WordListItem: Sendable, Equatable {
    package var runs: [WordRun]
    /// Nesting depth from 0 (at most 8, Word's limit; deeper items are shown at 8).
    package var level: Int

    package init(_ runs: [WordRun], level: Int = 0) {
        self.runs = runs
        self.level = level
    }
}
