import GitKit

/// Process-wide start-up and shutdown of the git layer under the journal, for the program's entry
/// point and tests. `start()` once before opening a journal; the calls are reference counted.
public enum JournalLibrary {
    /// Starts the git layer (waiting for `startInBackground()`'s work when it was begun).
    public static func start() { GitLibrary.initialize() }

    /// Begins `start()`'s work on another thread, so it overlaps with argument parsing.
    public static func startInBackground() { GitLibrary.initializeInBackground() }

    /// Waits for the work `startInBackground()` began (nothing when it was not). Call it before the
    /// process exits: exit handlers must not run while the git layer starts up.
    public static func finishBackgroundStart() { GitLibrary.finishBackgroundStart() }

    /// Releases the git layer's global state.
    public static func shutdown() { GitLibrary.shutdown() }

    /// Reads git's global configuration from `home` (tests and sandboxes keep their own `.gitconfig`).
    public static func setConfigSearchPath(home: String) { GitLibrary.setConfigSearchPath(home: home) }

    /// The libgit2 version this binary runs with, e.g. "1.5.1".
    public static var gitVersion: String { GitLibrary.version }
}
