import Foundation

/// What `TemplateLibrary.render` has rendered from plain values, by template and value.
final class RenderedTemplates: @unchecked Sendable {
    struct Key: Hashable {
        let template: String
        let value: AnyHashable
    }

    private let lock = NSLock()
    private var texts: [Key: String] = [:]

    func text(for key: Key, render: () -> String?) -> String? {
        if let known = lock.withLock({ texts[key] }) { return known }
        let text = render()
        if let text { lock.withLock { texts[key] = text } }
        return text
    }
}
