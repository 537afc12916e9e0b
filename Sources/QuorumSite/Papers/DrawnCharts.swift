import Foundation

/// The charts `ChartPictures` has drawn, by their standalone SVG text: each is drawn once
/// however many papers show it. A paper that asks for a chart being drawn for another waits
/// for that drawing rather than starting its own. A failure is kept too, so that every
/// paper showing the chart reports it, as each did when it drew the chart itself.
final class DrawnCharts: @unchecked Sendable {
    private final class Drawing: @unchecked Sendable {
        let lock = NSLock()
        var result: Result<Data, ChartPictures.DrawingFailure>?
    }

    private let lock = NSLock()
    private var drawings: [String: Drawing] = [:]

    func png(for svg: String, draw: () throws -> Data) -> Result<Data, ChartPictures.DrawingFailure> {
        let drawing = lock.withLock {
            if let known = drawings[svg] { return known }
            let drawing = Drawing()
            drawings[svg] = drawing
            return drawing
        }
        // Held while drawing: a second paper with the same chart waits here for the first.
        return drawing.lock.withLock {
            if let result = drawing.result { return result }
            let result: Result<Data, ChartPictures.DrawingFailure>
            do {
                result = .success(try draw())
            } catch let failure as ChartPictures.DrawingFailure {
                result = .failure(failure)
            } catch {
                result = .failure(ChartPictures.DrawingFailure(description: "\(error)"))
            }
            drawing.result = result
            return result
        }
    }
}
