import Foundation

/// Finds the built `baton` executable.
///
/// Order: `$BATON_BIN`; then a sibling `baton` of the running test bundle (walking up from
/// `CommandLine.arguments[0]`, any `*.xctest` argument and `Bundle.main`, which finds
/// `.build/debug/baton` or `.build/<triple>/debug/baton`, whatever the scratch path);
/// then `<package root>/.build/debug/baton` with the package root found from `#filePath`.
public enum BatonBinary {
    public struct NotFound: Error, CustomStringConvertible {
        public let searched: [String]
        public var description: String {
            "the baton executable was not found; build it first (`swift build`) or set BATON_BIN to its path. Looked at:\n  "
                + searched.joined(separator: "\n  ")
        }
    }

    /// The executable's path, or a `NotFound` error that fails the calling test with a clear message.
    public static func require() throws -> String {
        let found = locate(
            environment: ProcessInfo.processInfo.environment,
            arguments: CommandLine.arguments,
            bundlePaths: [Bundle.main.bundlePath, Bundle.main.executablePath].compactMap { $0 }
                + Bundle.allBundles.map(\.bundlePath))
        switch found {
        case .success(let path): return path
        case .failure(let error): throw error
        }
    }

    public static func locate(
        environment: [String: String],
        arguments: [String],
        bundlePaths: [String],
        filePath: String = #filePath
    ) -> Result<String, NotFound> {
        var searched: [String] = []
        func usable(_ path: String) -> Bool {
            searched.append(path)
            return FileManager.default.isExecutableFile(atPath: path) && !Files.isDirectory(path)
        }
        if let override = environment["BATON_BIN"], !override.isEmpty {
            // An explicit choice is never second-guessed.
            return usable(override)
                ? .success(override)
                : .failure(NotFound(searched: ["$BATON_BIN=\(override) (missing or not executable)"]))
        }
        var starts: [String] = []
        if let first = arguments.first { starts.append(first) }
        starts += arguments.dropFirst().filter { $0.contains(".xctest") }
        starts += bundlePaths
        var seen = Set<String>()
        for start in starts where !start.isEmpty {
            var dir = URL(fileURLWithPath: start).standardizedFileURL.deletingLastPathComponent().path
            // Walk up at most 8 levels (…/Foo.xctest/Contents/MacOS/Foo on macOS needs 4).
            for _ in 0..<8 {
                if seen.insert(dir).inserted {
                    if usable("\(dir)/baton") { return .success("\(dir)/baton") }
                }
                let parent = (dir as NSString).deletingLastPathComponent
                if parent == dir || parent.isEmpty { break }
                dir = parent
            }
        }
        // <root>/Tests/IntegrationTests/Support/BatonBinary.swift
        var root = URL(fileURLWithPath: filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }
        let fallback = root.appendingPathComponent(".build/debug/baton").path
        if usable(fallback) { return .success(fallback) }
        return .failure(NotFound(searched: searched))
    }
}
