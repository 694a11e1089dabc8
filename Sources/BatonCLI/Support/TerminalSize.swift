import Foundation

/// The size of the terminal stdout writes to, as the kernel reports it (`TIOCGWINSZ`): nil when stdout is
/// not a terminal or the terminal does not say.
enum TerminalSize {
    static func ofStdout() -> (columns: Int, rows: Int)? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }
}
