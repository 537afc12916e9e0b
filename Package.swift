// swift-tools-version:6.1
import PackageDescription

// The targets follow the pipeline, left to right: a target uses only targets above it in
// this file, never one below. A snapshot CSV becomes a number in a committee paper by
// crossing them in that order:
//
//   QuorumSupport <- QuorumMarkdown <- QuorumContent <- QuorumWorkforce, QuorumStrategy,
//   QuorumMicrosite <- QuorumPapers <- QuorumSite <- QuorumServe, quorum
//
// QuorumOffice (Word and Excel files) knows no Quorum target; QuorumWorkforce reads snapshot
// workbooks through it, and QuorumSite writes the papers' Word documents with it.
//
// The domain targets (Workforce, Strategy, Microsite, Papers) know nothing of HTML,
// templates or output files; QuorumSite is where content meets the templates.
let package = Package(
    name: "Quorum",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "quorum", targets: ["quorum"]),
        // The readers the fuzzer feeds (Fuzz/, a package of its own so that the main build is
        // never built with the fuzzer; it imports them @testable).
        .library(
            name: "QuorumReaders",
            targets: ["QuorumSupport", "QuorumMarkdown", "QuorumContent", "QuorumWorkforce", "QuorumPapers"]
        ),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
    ],
    targets: [
        // cmark-gfm from Debian (libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Diagnostics, calendar dates, numbers, slugs, safe relative paths, parallel map.
        .target(name: "QuorumSupport"),
        // The cmark-gfm wrapper: markdown to safe HTML and back, heading ids, the parsed tree.
        .target(name: "QuorumMarkdown", dependencies: ["QuorumSupport", "CCmarkGFM"]),
        // Reading a content folder: files, front matter, site.yaml, pages.
        .target(
            name: "QuorumContent",
            dependencies: ["QuorumSupport", "QuorumMarkdown", .product(name: "Yams", package: "Yams")]
        ),
        // Office formats (Word writing, Excel reading): packages and their XML parts, with no
        // knowledge of Quorum's domain, so it depends on no Quorum target.
        .target(
            name: "QuorumOffice",
            dependencies: [
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "XMLCoder", package: "XMLCoder"),
            ]
        ),
        // Workforce snapshots, their checks, measures, targets and benchmarks.
        .target(
            name: "QuorumWorkforce",
            dependencies: ["QuorumSupport", "QuorumContent", "QuorumOffice", .product(name: "CSV", package: "CSV.swift")]
        ),
        // The strategy's priorities and its action plan.
        .target(name: "QuorumStrategy", dependencies: ["QuorumSupport", "QuorumMarkdown", "QuorumContent"]),
        // The recruitment microsite's content: vacancies, testimonials and consent, events.
        .target(name: "QuorumMicrosite", dependencies: ["QuorumSupport", "QuorumMarkdown", "QuorumContent"]),
        // Committee papers and annual updates: sections, directives as data, the text Quorum
        // writes from the workforce figures and the action plan.
        .target(
            name: "QuorumPapers",
            dependencies: [
                "QuorumSupport", "QuorumMarkdown", "QuorumContent",
                "QuorumWorkforce", "QuorumStrategy", "QuorumMicrosite",
            ]
        ),
        // The build: templates, pages, report views, charts, link checking, writing.
        .target(
            name: "QuorumSite",
            dependencies: [
                "QuorumSupport", "QuorumMarkdown", "QuorumContent",
                "QuorumWorkforce", "QuorumStrategy", "QuorumMicrosite", "QuorumPapers",
                // Each paper is also written as a Word document.
                "QuorumOffice",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // `quorum serve`: the preview server (HTTP on a loopback socket, live reload). Kept
        // apart so that the build has no server code.
        .target(name: "QuorumServe", dependencies: ["QuorumSupport", "QuorumContent", "QuorumSite"]),
        // The thin command-line shell: parses arguments, runs a stage, prints.
        .executableTarget(
            name: "quorum",
            dependencies: [
                "QuorumSupport", "QuorumMarkdown", "QuorumContent", "QuorumWorkforce", "QuorumPapers",
                "QuorumSite", "QuorumServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Tests, one target per target where a module's tests need nothing to its right.
        // Paths and small content trees shared by the test targets (no @testable).
        .target(
            name: "QuorumTestSupport",
            dependencies: [
                "QuorumSupport", "QuorumContent", "QuorumWorkforce",
                // Snapshot workbooks written by the tests (TestSnapshotWorkbook).
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Tests/QuorumTestSupport"
        ),
        // Build options for whole builds, shared by the site's and the server's tests.
        .target(
            name: "QuorumSiteTestSupport",
            dependencies: ["QuorumSite", "QuorumTestSupport"],
            path: "Tests/QuorumSiteTestSupport"
        ),
        .testTarget(name: "QuorumSupportTests", dependencies: ["QuorumSupport"]),
        .testTarget(name: "QuorumMarkdownTests", dependencies: ["QuorumMarkdown", "QuorumTestSupport"]),
        .testTarget(name: "QuorumContentTests", dependencies: ["QuorumContent", "QuorumTestSupport"]),
        // ZIPFoundation: tests build small snapshot workbooks cell by cell.
        .testTarget(
            name: "QuorumWorkforceTests",
            dependencies: ["QuorumWorkforce", "QuorumTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "QuorumStrategyTests", dependencies: ["QuorumStrategy", "QuorumTestSupport"]),
        // Microsite rules that need no site; the pages themselves are tested in QuorumSiteTests.
        .testTarget(name: "QuorumMicrositeTests", dependencies: ["QuorumMicrosite"]),
        .testTarget(name: "QuorumPapersTests", dependencies: ["QuorumPapers", "QuorumTestSupport"]),
        .testTarget(
            name: "QuorumSiteTests",
            dependencies: [
                "QuorumSite", "QuorumTestSupport", "QuorumSiteTestSupport",
                // The nightly workflow's YAML is read in a test.
                .product(name: "Yams", package: "Yams"),
                // A loopback server for the external link checker's tests.
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .testTarget(
            name: "QuorumServeTests",
            dependencies: ["QuorumServe", "QuorumTestSupport", "QuorumSiteTestSupport"]
        ),
        .testTarget(
            name: "QuorumOfficeTests",
            dependencies: [
                "QuorumOffice",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "XMLCoder", package: "XMLCoder"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
