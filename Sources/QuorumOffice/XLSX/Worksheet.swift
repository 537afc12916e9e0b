import Foundation

/// One sheet as a grid: the rows the file stores, in order, each with its cells in column
/// order, plus the merged areas and hidden columns a caller needs to read it as a person would.
///
/// Rows and cells are sparse: a row or cell the file leaves out is simply not there, so a
/// sheet that claims the whole grid costs only the cells it holds.
package struct Worksheet: Equatable, Sendable {
    package let name: String
    package let rows: [Row]
    /// Merged areas (`A1:G1`); the value shows in, and is stored in, the top-left cell.
    package let mergedRanges: [CellRange]
    /// Columns hidden in the sheet (`<col hidden="1">`), by number from 1.
    package let hiddenColumns: Set<Int>
    /// How the workbook counts dates, to read a `.date` cell's serial number.
    package let dateSystem: DateSystem

    package struct Row: Equatable, Sendable {
        /// The row number from 1, as Excel shows it.
        package let number: Int
        /// Hidden in the sheet (`<row hidden="1">`), so a reader of the sheet does not see it.
        package let isHidden: Bool
        package let cells: [Cell]

        /// The cell in `column` (from 1), if the row stores one.
        package func cell(atColumn column: Int) -> Cell? {
            binarySearch(cells, for: column, by: \.reference.column)
        }
    }

    /// The cell the file stores at `reference`, if any.
    package func cell(at reference: CellReference) -> Cell? {
        binarySearch(rows, for: reference.row, by: \.number)?.cell(atColumn: reference.column)
    }

    /// The cell whose value shows at `reference`: the top-left cell of its merged area, or
    /// the cell itself when it is not merged.
    package func displayedCell(at reference: CellReference) -> Cell? {
        cell(at: mergedRange(containing: reference)?.start ?? reference)
    }

    /// The merged area that covers `reference`, if any.
    package func mergedRange(containing reference: CellReference) -> CellRange? {
        mergedRanges.first { $0.contains(reference) }
    }

    /// The numbers of the hidden rows, in order.
    package var hiddenRows: [Int] { rows.filter(\.isHidden).map(\.number) }

    /// The date and time of a `.date`-formatted number cell, in the workbook's date system.
    package func dateComponents(of cell: Cell) -> DateComponents? {
        guard case .number(let serial) = cell.value else { return nil }
        return dateSystem.dateComponents(fromSerial: serial)
    }
}

/// Finds the element whose key is `key` in `elements` sorted by that key.
private func binarySearch<Element>(_ elements: [Element], for key: Int, by keyPath: KeyPath<Element, Int>) -> Element? {
    var low = 0
    var high = elements.count - 1
    while low <= high {
        let middle = (low + high) / 2
        let found = elements[middle][keyPath: keyPath]
        if found == key { return elements[middle] }
        if found < key { low = middle + 1 } else { high = middle - 1 }
    }
    return nil
}
