import Foundation
import TestSupport
import Testing

/// Help texts are reflowed by ArgumentParser to the terminal's width, never hard-wrapped in the source: on a
/// wide terminal every paragraph of a command's overview is one line.
@Suite("Help texts")
struct HelpTextTests {
    static let commands = [
        ["sync"], ["digest"], ["history"], ["note"], ["site"], ["ask"], ["init"], ["clone"], ["log"], ["inbox"],
        ["standup"], ["status"], ["task"], ["task", "add"], ["task", "list"], ["task", "block"],
        ["stats"], ["away"], ["remind"],
        ["search"], ["task", "due"], ["task", "unblock"],
    ]

    @Test("No paragraph of a command's help is broken by hand", arguments: commands)
    func paragraphsAreReflowed(_ command: [String]) throws {
        let folder = try TemporaryFolder(prefix: "baton-help")
        let sandbox = try Sandbox.make(home: folder.sub("home"))
        let r = sandbox.baton(try BatonBinary.require(), ["help"] + command, in: folder.path, env: ["COLUMNS": "400"])
        #expect(r.status == 0, "\(r)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let usage = lines.firstIndex { $0.hasPrefix("USAGE:") } ?? lines.count
        let overview = Array(lines[..<usage])
        for (index, line) in overview.enumerated().dropLast() {
            let next = overview[index + 1]
            let prose = { (text: String) in !text.isEmpty && !text.hasPrefix(" ") && !text.hasPrefix("-") }
            let name = command.joined(separator: " ")
            #expect(
                !(prose(line) && prose(next)), "a paragraph of `baton help \(name)` is hard-wrapped:\n\(line)\n\(next)")
        }
    }
}
