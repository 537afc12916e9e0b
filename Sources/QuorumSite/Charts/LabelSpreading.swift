/// Places a column of labels (a line chart's direct labels at the right) as close as it can
/// to where each label wants to be, with no two nearer than a minimum spacing and all inside
/// given bounds.
///
/// Labels too close together form a block spaced exactly `spacing` apart and centred on what
/// its members want (the least total squared movement: pool-adjacent-violators, as charting
/// libraries do for direct labels); blocks that then touch merge, and the whole column is
/// moved inside the bounds. Plain arithmetic in a fixed order, so the same input always
/// gives the same positions.
enum LabelSpreading {
    /// The positions for `wanted` (ascending), in the same order, each at least `spacing`
    /// after the one before. Inside `bounds` when they fit there at that spacing; when they
    /// do not, the column starts at the lower bound and runs on past the upper one, since
    /// labels on top of each other cannot be read at all.
    static func spread(_ wanted: [Double], spacing: Double, within bounds: ClosedRange<Double>) -> [Double] {
        guard !wanted.isEmpty else { return [] }
        // With label i shifted back by i spacings, the spacing rule becomes "never decreasing".
        let shifted = wanted.enumerated().map { $0.element - Double($0.offset) * spacing }
        var blocks: [(sum: Double, count: Int)] = []
        for value in shifted {
            blocks.append((value, 1))
            while blocks.count > 1, mean(blocks[blocks.count - 2]) > mean(blocks[blocks.count - 1]) {
                let last = blocks.removeLast()
                blocks[blocks.count - 1].sum += last.sum
                blocks[blocks.count - 1].count += last.count
            }
        }
        let lowest = bounds.lowerBound
        let highest = max(lowest, bounds.upperBound - Double(wanted.count - 1) * spacing)
        var positions: [Double] = []
        for block in blocks {
            let start = min(max(mean(block), lowest), highest)
            for _ in 0..<block.count { positions.append(start + Double(positions.count) * spacing) }
        }
        return positions
    }

    private static func mean(_ block: (sum: Double, count: Int)) -> Double { block.sum / Double(block.count) }
}
