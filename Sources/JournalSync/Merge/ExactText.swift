extension JournalMerge {
    /// Text in which String equality is byte equality.
    ///
    /// Swift compares Strings by canonical equivalence: `"é"` (NFC, U+00E9) equals `"é"` (NFD,
    /// `e` + U+0301), so a diff on plain Strings would not see a change of normalization and would
    /// drop it. The merge therefore works on an image of the text in which every UTF-8 byte is one
    /// scalar U+0000...U+00FF. No two such images are canonically equivalent, so equality, hashing
    /// and ordering are those of the bytes, while the ASCII syntax the merge reads (`---`, `## Log`,
    /// `- `, timestamps) is unchanged.
    enum ExactText {
        /// The image of `text`.
        static func encode(_ text: String) -> String {
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: text.utf8.map { Unicode.Scalar($0) })
            return String(scalars)
        }

        /// The text an image stands for. A scalar above U+00FF (never made by `encode`) is kept as itself.
        static func decode(_ image: String) -> String {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(image.unicodeScalars.count)
            for scalar in image.unicodeScalars {
                if scalar.value <= 0xFF {
                    bytes.append(UInt8(scalar.value))
                } else {
                    bytes += Array(String(scalar).utf8)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
