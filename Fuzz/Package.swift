// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets for Quorum's readers, kept apart so that the main build is never built
// with the fuzzer. Build and run them with `scripts/fuzz` (see README, Tests).
let package = Package(
    name: "QuorumFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Quorum", path: ".."),
    ],
    targets: [
        // One binary; QUORUM_FUZZ_TARGET chooses what it feeds (front-matter, snapshot, markdown).
        .executableTarget(
            name: "QuorumFuzz",
            dependencies: [.product(name: "QuorumReaders", package: "Quorum")],
            // libFuzzer supplies `main`.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
