/// The stage a build is in, for a progress line.
package enum BuildStage: String, Sendable {
    case loading = "loading content and templates"
    case rendering = "rendering pages"
    case checkingLinks = "checking links"
    case writing = "writing the output"
}

/// Told of each stage as a build enters it. Called on the building thread.
package typealias BuildProgress = @Sendable (BuildStage) -> Void
