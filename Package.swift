// swift-tools-version:6.0
import PackageDescription

// Layers, lowest first; each depends only on the ones above it in this list:
//   Basics (shared vocabulary, no dependencies: the locked box, transfer options and progress)
//   -> CGit2 (libgit2 headers), GitFormats (git's index and tree formats by hand, no libgit2)
//   -> GitKit (Swift wrapper, re-exports GitFormats) -> JournalModel (format, pure)
//   -> JournalSync (commit, fetch, merge, push) -> JournalReports (read views)
//   -> BatonCLI (argument parsing) -> baton (executable)
// CI builds with BATON_STRICT=1 (.ci/run): a warning in baton's own code fails the build there.
let strict: [SwiftSetting] = Context.environment["BATON_STRICT"] == "1" ? [.unsafeFlags(["-warnings-as-errors"])] : []
// `make release` on Linux links libgit2 and its libraries into the executable (scripts/static-libgit2.sh
// makes the pkg-config file that says so); GitKit then takes mbedTLS's certificate parser over by --wrap.
let staticLibgit2: [SwiftSetting] =
    Context.environment["BATON_STATIC_LIBGIT2"] == "1" ? [.define("BATON_STATIC_LIBGIT2")] : []

let package = Package(
    name: "baton",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "baton", targets: ["baton"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.0.0"),
        .package(url: "https://github.com/JohnSundell/Ink.git", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]
        ),
        .target(name: "Basics"),
        .target(name: "GitFormats", dependencies: ["Basics", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "GitKit", dependencies: ["Basics", "CGit2", "GitFormats"], swiftSettings: staticLibgit2),
        .target(
            name: "JournalModel",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(name: "JournalSync", dependencies: ["Basics", "GitKit", "JournalModel"]),
        .target(
            name: "JournalReports",
            dependencies: ["Basics", "JournalModel", "JournalSync", .product(name: "Ink", package: "Ink")]
        ),
        .target(
            name: "BatonCLI",
            dependencies: [
                "Basics", "JournalModel", "JournalSync", "JournalReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "baton", dependencies: ["BatonCLI"]),
        // Helpers shared by the test targets: teammates, sandboxes, the git CLI, servers, the seeded generator.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "GitKitTests", dependencies: ["Basics", "GitKit", "GitFormats", "TestSupport"]),
        .testTarget(
            name: "JournalModelTests",
            dependencies: ["JournalModel", "TestSupport", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(name: "JournalSyncTests", dependencies: ["JournalSync", "GitKit", "JournalModel", "TestSupport"]),
        .testTarget(
            name: "JournalReportsTests", dependencies: ["JournalReports", "JournalSync", "JournalModel", "GitKit"]),
        .testTarget(name: "IntegrationTests", dependencies: ["TestSupport"]),
        // Reads the source tree: imports against this file's dependencies, JournalSync's public API.
        .testTarget(name: "LayeringTests"),
        .testTarget(
            name: "BatonCLITests",
            dependencies: ["BatonCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + strict
}
