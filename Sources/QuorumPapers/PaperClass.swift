/// Whether a paper may be published. Exempt ("Part 2") papers fall under a paragraph of
/// Schedule 12A to the Local Government Act 1972 and never reach public output.
package enum PaperClass: Sendable, Equatable {
    case open
    case exempt(paragraph: Int)

    package var isExempt: Bool { self != .open }

    /// The paragraphs of Schedule 12A, Part 1, in short.
    static let schedule12A = [
        1: "Information relating to any individual.",
        2: "Information which is likely to reveal the identity of an individual.",
        3: "Information relating to the financial or business affairs of any particular person (including the authority holding that information).",
        4: "Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter arising between the authority or a Minister of the Crown and employees of, or office holders under, the authority.",
        5: "Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings.",
        6: "Information which reveals that the authority proposes to give a notice imposing requirements on a person, or to make an order or direction, under any enactment.",
        7: "Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime.",
    ]

    /// "Open", or "Part 2 (exempt): paragraph 4 of Schedule 12A ..."
    package var label: String {
        switch self {
        case .open: "Open"
        case .exempt(let paragraph): "Part 2 – Exempt under paragraph \(paragraph) of Schedule 12A to the Local Government Act 1972"
        }
    }

    /// The line at the top of every printed page of an exempt paper (plain text, used in CSS).
    package var pageHeader: String? {
        switch self {
        case .open: nil
        case .exempt(let paragraph):
            "NOT FOR PUBLICATION – Exempt under paragraph \(paragraph) of Schedule 12A to the Local Government Act 1972"
        }
    }

    /// The sentence printed at the top of of an exempt paper.
    package var notice: String? {
        switch self {
        case .open: nil
        case .exempt(let paragraph):
            "NOT FOR PUBLICATION. This paper is exempt under paragraph \(paragraph) of Schedule 12A to the Local Government Act 1972: "
                + (PaperClass.schedule12A[paragraph] ?? "")
        }
    }
}
