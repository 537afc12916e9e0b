import QuorumSupport

/// The microsite as a render unit. Its renderer is made first, for what every page shares
/// (its values, the events' links); its own pages are rendered later, alongside the others.
/// With recorders, what making and rendering it read is noted as one `RenderUnit.Record`.
struct MicrositeUnit {
    let renderer: MicrositeRenderer
    private let reads: (parts: ReadRecorder<SitePart>, templates: ReadRecorder<String>)?
    /// What making the renderer said (the publication's checks).
    private let madeLog: DiagnosticLog

    init(_ site: SiteRenderer, recording: Bool) {
        let reads = recording ? (parts: ReadRecorder<SitePart>(), templates: ReadRecorder<String>()) : nil
        let maker = reads.map { site.recording($0.parts, $0.templates) } ?? site
        var log = DiagnosticLog()
        renderer = MicrositeRenderer(site: maker.site, context: maker.context, log: &log)
        self.reads = reads
        madeLog = log
    }

    /// The context the pages render with: it knows the events' links, and notes nothing into
    /// the microsite's recorders.
    var pagesContext: RenderContext { renderer.context.recordingTemplates(into: nil) }

    /// Renders the microsite's pages: the files, the unit's record (when recording), and all
    /// the unit said.
    func render() -> (files: [OutputFile], record: RenderUnit.Record?, log: DiagnosticLog) {
        var log = madeLog
        let files = renderer.render(log: &log)
        let record = reads.map {
            RenderUnit.Record(reads: $0.parts.keys, templates: $0.templates.keys, files: files, diagnostics: log.entries)
        }
        return (files, record, log)
    }
}
