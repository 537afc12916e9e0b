/// What the `Area` and `Staff group` cells of one snapshot name, as the config reads them.
///
/// A file repeats each area on every group row and each group in every area, and matching
/// a name normalises it; so each distinct text is matched once per file.
struct SnapshotNames {
    enum Area {
        case grandTotal
        case configured(ServiceArea)
        case unknown
    }

    enum Group {
        case total
        case configured(StaffGroup)
        case unknown
    }

    let config: WorkforceConfig
    private var areas: [String: Area] = [:]
    private var groups: [String: Group] = [:]
    /// The last area asked about: a file gives an area's rows one after another.
    private var lastArea: (text: String, match: Area)?

    init(config: WorkforceConfig) {
        self.config = config
    }

    /// A trimmed, non-empty `Area` cell.
    mutating func area(_ text: String) -> Area {
        if let lastArea, lastArea.text == text { return lastArea.match }
        let match = matchArea(text)
        lastArea = (text, match)
        return match
    }

    private mutating func matchArea(_ text: String) -> Area {
        if let known = areas[text] { return known }
        let match: Area = if config.isGrandTotal(area: text) {
            .grandTotal
        } else if let area = config.area(named: text) {
            .configured(area)
        } else {
            .unknown
        }
        areas[text] = match
        return match
    }

    /// A trimmed, non-empty `Staff group` cell.
    mutating func group(_ text: String) -> Group {
        if let known = groups[text] { return known }
        let match: Group = if WorkforceConfig.isTotal(group: text) {
            .total
        } else if let group = config.group(named: text) {
            .configured(group)
        } else {
            .unknown
        }
        groups[text] = match
        return match
    }
}
