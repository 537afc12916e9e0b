// QuorumSite: the build. It loads a `Site` through the content and domain targets, then
// renders it through the Mustache templates (pages, papers, directives, report tables,
// SVG charts, the microsite's pages, feed and sitemap), checks every link and writes the
// output folder atomically; also `quorum annual` and `quorum new`. It is the only target
// that knows about templates and HTML pages. It must not know about HTTP serving or the
// command line.
