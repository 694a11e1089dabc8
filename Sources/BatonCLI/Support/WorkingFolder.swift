import ArgumentParser
import Foundation

/// `-C <path>`, as in git: run as if baton was started in `<path>`. Leading `-C` options (before the
/// command) change the process's folder (`leading(in:)`); the option after the command, which every
/// command takes through this group, names the folder the command works from.
struct WorkingFolder: ParsableArguments {
    @Option(
        name: .customShort("C"), help: ArgumentHelp("Run as if baton was started in <path>.", valueName: "path"),
        completion: .directory)
    var directory: String?

    /// The folder `-C` names, absolute, or nil without one.
    var given: String? { directory.map(Runtime.absolute) }

    /// The folder to work from: `-C`'s, else the current folder.
    var base: String { given ?? FileManager.default.currentDirectoryPath }

    /// `path` made absolute against `base`.
    func absolute(_ path: String) -> String { path.hasPrefix("/") ? path : base + "/" + path }

    /// Changes to the folder of each leading `-C PATH` pair of `arguments` in turn; returns the arguments
    /// after them, or the path that could not be entered.
    static func leading(in arguments: [String]) -> (rest: [String], unreachable: String?) {
        var args = arguments
        while args.count >= 2, args[0] == "-C" {
            let path = args[1]
            args.removeFirst(2)
            guard FileManager.default.changeCurrentDirectoryPath(path) else { return (args, path) }
        }
        return (args, nil)
    }
}
