import ArgumentParser
import Foundation

/// `--attach FILE` (repeatable): files to copy into the journal and link from the text.
struct AttachOption: ParsableArguments {
    @Option(
        name: .customLong("attach"),
        help: ArgumentHelp("Copy a file or image into the journal and link it; repeat for more.", valueName: "file"))
    var files: [String] = []

    /// Largest file accepted: the journal is a git repository every teammate clones.
    static let maxBytes = 25 * 1024 * 1024

    /// Absolute paths of the files, checked to be readable regular files of a sensible size.
    func checked() throws -> [String] {
        try files.map { file in
            let path = Runtime.absolute(file)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                FileManager.default.isReadableFile(atPath: path)
            else { throw CLIError.usage("cannot attach '\(file)': no readable file there") }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            guard size <= Self.maxBytes else {
                throw CLIError.usage("cannot attach '\(file)': it is larger than 25 MB; link to it instead")
            }
            return path
        }
    }
}
