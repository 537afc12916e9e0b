// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Quorum",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "quorum", targets: ["quorum"]),
        .library(name: "QuorumCore", targets: ["QuorumCore"]),
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
        // All behaviour: load -> validate -> analyse -> render -> write.
        .target(
            name: "QuorumCore",
            dependencies: [
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // Office formats (Word writing, Excel reading): packages and their XML parts, with no
        // knowledge of Quorum's domain.
        .target(
            name: "QuorumOffice",
            dependencies: [
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "XMLCoder", package: "XMLCoder"),
            ]
        ),
        // `quorum serve`: the preview server (HTTP, live reload). Kept apart so that
        // QuorumCore has no server dependency.
        .target(
            name: "QuorumServe",
            dependencies: ["QuorumCore"]
        ),
        // The thin command-line shell over QuorumCore.
        .executableTarget(
            name: "quorum",
            dependencies: [
                "QuorumCore",
                "QuorumServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "QuorumCoreTests",
            dependencies: [
                "QuorumCore", "QuorumServe",
                // The nightly workflow's YAML is read in a test.
                .product(name: "Yams", package: "Yams"),
                // A loopback server for the external link checker's tests.
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            exclude: ["Fixtures"]
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
