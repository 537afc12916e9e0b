import QuorumSupport

/// A target read against one snapshot: the measured value and its RAG status. A status
/// from a suspect value is still given, with `value.suspect` set, so it is never shown as sound.
package struct TargetAssessment: Sendable, Hashable {
    package var target: Target
    package var asAt: CalendarDate
    package var value: MeasureValue
    package var status: RAGStatus

    package init(target: Target, asAt: CalendarDate, value: MeasureValue) {
        self.target = target
        self.asAt = asAt
        self.value = value
        self.status = target.status(of: value)
    }

    package var suspect: Bool { value.suspect }
}
