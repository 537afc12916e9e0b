/// A target read against one snapshot: the measured value and its RAG status. A status
/// from a suspect value is still given, with `value.suspect` set, so it is never shown as sound.
public struct TargetAssessment: Sendable, Hashable {
    public var target: Target
    public var asAt: CalendarDate
    public var value: MeasureValue
    public var status: RAGStatus

    public init(target: Target, asAt: CalendarDate, value: MeasureValue) {
        self.target = target
        self.asAt = asAt
        self.value = value
        self.status = target.status(of: value)
    }

    public var suspect: Bool { value.suspect }
}
