import ArgumentParser
import Foundation
import JournalModel
import JournalReports
import JournalSync

/// baton's documented exit codes (README, "Exit codes"), following BSD sysexits where one fits.
public enum BatonExit {
    public static let usage: Int32 = 64
    public static let unreadableFile: Int32 = 65
    public static let notFound: Int32 = 66
    public static let ambiguous: Int32 = 67
    public static let offline: Int32 = 69
    public static let exists: Int32 = 73
    public static let busy: Int32 = 75
    public static let rejected: Int32 = 76
    public static let authentication: Int32 = 77
    public static let setup: Int32 = 78
    public static let failure: Int32 = 1
    public static let rewritten: Int32 = 74

    /// The exit code for an error raised by any layer.
    static func code(for error: Error) -> Int32 {
        switch error {
        case let error as ModelError:
            switch error {
            case .badHandle, .badID, .badDate, .badDuration, .badStatus, .badWeekday: return usage
            case .badFrontMatter, .badConfig, .badTemplate, .idMismatch, .fileTooLarge: return unreadableFile
            case .unknownID: return notFound
            case .ambiguousID: return ambiguous
            }
        case let error as JournalError:
            switch error {
            case .notAJournal, .noIdentity, .noRemote, .operationInProgress, .unsupportedIndex, .unrunnableFilter:
                return setup
            case .targetExists: return exists
            case .offline, .cloneUnreachable, .tlsFailed: return offline
            case .pushRejected: return rejected
            case .pushRaceLost, .busy: return busy
            case .authenticationFailed, .hostKey: return authentication
            case .unsafePath: return usage
            case .symbolicLink, .badEntry: return unreadableFile
            case .remoteRewritten: return rewritten
            case .io, .remoteHoldsNoJournal, .cannotAttach, .git: return failure
            }
        case let error as CLIError:
            return error.exitCode
        case let error as EditRefusal:
            if case .nothingToUndo = error { return notFound }
            return usage
        case let error as RosterError:
            switch error {
            case .unknownMember(_, _, let canForce): return canForce ? usage : notFound
            }
        default:
            return failure
        }
    }
}

/// Errors the command layer itself raises.
enum CLIError: Error, LocalizedError {
    case noEditor
    case editorFailed(String, Int32)
    case usage(String)
    /// Nothing matches what the command names (exit 66).
    case notFound(String)

    var errorDescription: String? {
        switch self {
        case .noEditor:
            return "no editor set; set $VISUAL or $EDITOR (e.g. `export EDITOR=nano`), or pass the text as arguments"
        case .editorFailed(let editor, let status):
            return "the editor `\(editor)` exited with status \(status); nothing was saved"
        case .usage(let message): return message
        case .notFound(let message): return message
        }
    }

    var exitCode: Int32 {
        switch self {
        case .noEditor: return BatonExit.setup
        case .editorFailed: return BatonExit.failure
        case .usage: return BatonExit.usage
        case .notFound: return BatonExit.notFound
        }
    }
}

/// Runs a command body, turning any failure into one line on stderr and a documented exit code.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch {
        let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
        // Messages quote file names, fields and remote answers that teammates control.
        let joined = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        let oneLine = TerminalText.clean(joined, keepNewlines: false)
        FileHandle.standardError.write(Data("baton: \(oneLine)\n".utf8))
        throw ExitCode(BatonExit.code(for: error))
    }
}
