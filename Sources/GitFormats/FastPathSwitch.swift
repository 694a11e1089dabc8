import Foundation

/// The environment switch that turns every hand-written fast path off: `BATON_GIT_FAST_PATHS=0`.
/// `FastPathPolicy` (GitKit) reads it first; the format code that may be entered directly reads it too.
public enum FastPathSwitch {
    /// Whether the environment turned the fast paths off.
    public static var disabledByEnvironment: Bool {
        ProcessInfo.processInfo.environment["BATON_GIT_FAST_PATHS"] == "0"
    }
}
