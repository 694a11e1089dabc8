import Foundation
import Testing

/// The layers of Package.swift, checked in the source tree: each module imports only what it lists,
/// nothing above the git layer imports it, and JournalSync's public API speaks in its own types.
@Suite("Layering")
struct LayeringTests {
    private let tree = SourceTree()

    @Test func everyModuleImportsOnlyWhatPackageSwiftLists() throws {
        let targets = try tree.targets()
        let known = Set(targets.map(\.name)).union(targets.flatMap(\.dependencies))
        var strays: [String] = []
        for target in targets {
            for (file, module) in try tree.imports(under: target.path) where known.contains(module) {
                if module != target.name && !target.dependencies.contains(module) {
                    strays.append("\(file) imports \(module), which \(target.name) does not list")
                }
            }
        }
        #expect(strays == [])
    }

    @Test func nothingAboveJournalSyncImportsTheGitLayer() throws {
        let gitLayer: Set<String> = ["GitKit", "GitFormats", "CGit2"]
        var strays: [String] = []
        for module in ["JournalModel", "JournalReports", "BatonCLI", "baton"] {
            for (file, imported) in try tree.imports(under: "Sources/" + module) where gitLayer.contains(imported) {
                strays.append("\(file) imports \(imported)")
            }
        }
        #expect(strays == [])
    }

    @Test func journalSyncsPublicAPIHasNoGitKitType() throws {
        // Names JournalSync declares itself are its own there.
        let own = try tree.publicTypeNames(under: ["Sources/JournalSync"])
        let gitTypes = try tree.publicTypeNames(under: ["Sources/GitKit", "Sources/GitFormats"]).subtracting(own)
        #expect(gitTypes.contains("Repository") && gitTypes.contains("ObjectID"))
        var leaks: [String] = []
        for (file, declaration) in try tree.publicDeclarations(under: "Sources/JournalSync") {
            let words = Set(SourceTree.identifiers(in: declaration))
            let named = words.intersection(gitTypes).union(declaration.contains("GitKit.") ? ["GitKit."] : [])
            if !named.isEmpty { leaks.append("\(file): \(named.sorted().joined(separator: ", ")) in `\(declaration)`") }
        }
        #expect(leaks == [])
    }
}
