/// The figures of one snapshot row, one slot per numeric column.
///
/// A folder of a thousand snapshots holds hundreds of thousands of rows, so a row keeps its
/// figures in one small array indexed by column rather than in a dictionary: no hashing per
/// cell read, and a fraction of the memory.
package struct SnapshotFigures: Sendable {
    private var slots: [Figure?]

    init() {
        slots = Array(repeating: nil, count: SnapshotColumn.numericColumns.count)
    }

    /// The figure of a numeric column; always nil for `area` and `staffGroup`.
    package subscript(column: SnapshotColumn) -> Figure? {
        get { column.figureSlot.flatMap { slots[$0] } }
        set {
            guard let slot = column.figureSlot else {
                precondition(newValue == nil, "\(column) holds names, not figures")
                return
            }
            slots[slot] = newValue
        }
    }

    /// The columns that have a figure, in `SnapshotColumn` order.
    package var columns: [SnapshotColumn] {
        SnapshotColumn.numericColumns.filter { self[$0] != nil }
    }

    /// The figures, in `SnapshotColumn` order.
    package var values: [Figure] { slots.compactMap { $0 } }
}
