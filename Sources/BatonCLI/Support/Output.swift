import Foundation
import JournalReports

/// Writes command output to stdout.
enum Output {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static var style: TextStyle { TextStyle(color: Runtime.color) }
}
