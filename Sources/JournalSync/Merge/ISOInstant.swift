import JournalModel

extension JournalMerge {
    /// Parses ISO 8601 timestamps with an offset (`2026-11-24T09:14:05+05:30`) into instants.
    ///
    /// Read by `ISODateTime` (JournalModel's one ISO reader), so the merge needs no Foundation
    /// formatter and always agrees with itself.
    enum ISOInstant {
        /// Seconds since 1970-01-01T00:00:00Z, or nil when `text` is not such a timestamp. Unlike
        /// `Timestamp(iso:)` it keeps fractional seconds (at least one digit), accepts `,` before them,
        /// any day 1...31 and offsets up to 23:59.
        static func instant(_ text: String) -> Double? {
            guard let fields = ISODateTime(TextLines.trim(text)),
                (1...12).contains(fields.month), (1...31).contains(fields.day),
                fields.hour < 24, fields.minute < 60, fields.second < 61,
                fields.fractionSeparator == nil || fields.fractionDigits > 0,
                fields.offsetHours < 24, fields.offsetMinutes < 60
            else { return nil }
            let days = daysFromCivil(year: fields.year, month: fields.month, day: fields.day)
            let seconds = days * 86_400 + fields.hour * 3600 + fields.minute * 60 + fields.second
            let local = Double(seconds) + fields.fraction
            return local - Double(fields.offsetSeconds)
        }

        /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
        static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
            let y = month <= 2 ? year - 1 : year
            let era = (y >= 0 ? y : y - 399) / 400
            let yearOfEra = y - era * 400
            let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            return era * 146_097 + dayOfEra - 719_468
        }
    }
}
