/// The words of a search: a line matches when it holds every word as a whole word, in any order, ignoring
/// case. A word is found where the characters before and after it are not letters, digits or `_` (as
/// `grep -w`); an ASCII letter of a word matches only that letter in either case, any other character its
/// lower-case forms, so a file without a word's ASCII bytes (in either case) can be skipped unparsed.
public struct SearchTerms: Sendable, Equatable {
    /// The words, as given (trimmed, empty ones dropped).
    public let words: [String]
    private let folded: [[Character]]
    /// The lower-case UTF-8 bytes of each word that is all ASCII, for `mayMatch`.
    private let asciiNeedles: [[UInt8]]
    /// Whether every word is ASCII (then `asciiNeedles` holds them all, in order).
    private let allASCII: Bool

    /// The terms of `words`; each argument may hold several words separated by spaces.
    public init(_ words: [String]) {
        let split = words.flatMap { $0.split(whereSeparator: { $0.isWhitespace }).map(String.init) }
        self.words = split
        folded = split.map { Array($0.lowercased()) }
        asciiNeedles = split.compactMap { word in
            word.utf8.allSatisfy { $0 < 0x80 } ? Array(word.lowercased().utf8) : nil
        }
        allASCII = asciiNeedles.count == split.count
    }

    /// True when there is nothing to look for.
    public var isEmpty: Bool { words.isEmpty }

    /// False only when `bytes` cannot hold a match: some all-ASCII word is nowhere in it, in any case.
    public func mayMatch(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in asciiNeedles.allSatisfy { Self.contains(buffer, $0) } }
    }

    /// False only when no line of `bytes` can hold a match (`mayMatch` of each line on its own).
    public func someLineMayMatch(_ bytes: [UInt8]) -> Bool {
        if asciiNeedles.isEmpty { return true }
        return bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                var end = start
                while end < buffer.count && buffer[end] != UInt8(ascii: "\n") { end += 1 }
                let line = UnsafeBufferPointer(rebasing: buffer[start..<end])
                if asciiNeedles.allSatisfy({ Self.contains(line, $0) }) { return true }
                start = end + 1
            }
            return false
        }
    }

    /// `mayMatch` of one line's bytes: a cheap check before `matches(in:)`.
    public func mayMatch(line: String) -> Bool {
        if asciiNeedles.isEmpty { return true }
        var line = line
        return line.withUTF8 { buffer in asciiNeedles.allSatisfy { Self.contains(buffer, $0) } }
    }

    /// The ranges of the words in `line` when it holds every one of them, else nil.
    public func matches(in line: String) -> [Range<String.Index>]? {
        if allASCII && line.utf8.allSatisfy({ $0 < 0x80 }) { return asciiMatches(in: line) }
        return characterMatches(in: line)
    }

    /// `matches(in:)` on the line's characters: any line, any word.
    func characterMatches(in line: String) -> [Range<String.Index>]? {
        let characters = Array(line)
        var indices: [String.Index] = []
        indices.reserveCapacity(characters.count + 1)
        var index = line.startIndex
        for _ in characters {
            indices.append(index)
            index = line.index(after: index)
        }
        indices.append(line.endIndex)
        var found: [Range<Int>] = []
        for word in folded {
            let hits = Self.occurrences(of: word, in: characters)
            if hits.isEmpty { return nil }
            found += hits
        }
        return Self.merged(found).map { indices[$0.lowerBound]..<indices[$0.upperBound] }
    }

    // MARK: - matching

    /// `matches(in:)` of an all-ASCII line, on its bytes (every word is ASCII too).
    private func asciiMatches(in line: String) -> [Range<String.Index>]? {
        let bytes = Array(line.utf8)
        @inline(__always) func folded(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
        @inline(__always) func isWord(_ byte: UInt8) -> Bool {
            byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 || byte == UInt8(ascii: "_")
        }
        var found: [Range<Int>] = []
        for word in asciiNeedles {
            var hit = false
            var start = 0
            while start + word.count <= bytes.count {
                let end = start + word.count
                if (start == 0 || !isWord(bytes[start - 1])) && (end == bytes.count || !isWord(bytes[end]))
                    && (0..<word.count).allSatisfy({ folded(bytes[start + $0]) == word[$0] })
                {
                    found.append(start..<end)
                    hit = true
                    start = end
                } else {
                    start += 1
                }
            }
            if !hit { return nil }
        }
        let utf8 = line.utf8
        return Self.merged(found).map {
            utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound)
        }
    }

    private static func occurrences(of word: [Character], in line: [Character]) -> [Range<Int>] {
        guard !word.isEmpty, word.count <= line.count else { return [] }
        var hits: [Range<Int>] = []
        var start = 0
        while start + word.count <= line.count {
            if (start == 0 || !isWordCharacter(line[start - 1]))
                && (start + word.count == line.count || !isWordCharacter(line[start + word.count]))
                && zip(word, line[start..<(start + word.count)]).allSatisfy(same)
            {
                hits.append(start..<(start + word.count))
                start += word.count
            } else {
                start += 1
            }
        }
        return hits
    }

    /// `wanted` (already lower case) against a character of the line.
    private static func same(_ wanted: Character, _ actual: Character) -> Bool {
        if wanted.isASCII { return actual.isASCII && wanted == Character(actual.lowercased()) }
        return wanted == actual || String(wanted) == actual.lowercased()
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// Overlapping or touching ranges joined, in order.
    private static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, range.lowerBound <= last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                out.append(range)
            }
        }
        return out
    }

    /// Whether `needle` (lower case ASCII) is in `hay`, ASCII letters compared in either case.
    private static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard hay.count >= needle.count else { return false }
        @inline(__always) func folded(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
        return needle.withUnsafeBufferPointer { pin in
            var i = 0
            let last = hay.count - pin.count
            while i <= last {
                if folded(hay[i]) == first {
                    var j = 1
                    while j < pin.count && folded(hay[i + j]) == pin[j] { j += 1 }
                    if j == pin.count { return true }
                }
                i += 1
            }
            return false
        }
    }
}
