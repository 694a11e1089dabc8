// GitKit re-exports GitFormats (git's formats read and written by hand, no libgit2), so the layers
// above keep using `ObjectID`, `EntryMode`, `TreeDelta`, `StatusEntry` and the rest through
// `import GitKit` alone. This is the only file that imports GitFormats.
@_exported import GitFormats
