extension JournalMerge {
    /// Parses ISO 8601 timestamps with an offset (`2026-11-24T09:14:05+05:30`) into instants.
    ///
    /// Written by hand so the merge needs no Foundation formatter and always agrees with itself:
    /// accepts `YYYY-MM-DDTHH:MM:SS`, optional fractional seconds, then `Z`, `±HH:MM` or `±HHMM`.
    enum ISOInstant {
        /// Seconds since 1970-01-01T00:00:00Z, or nil when `text` is not such a timestamp.
        static func instant(_ text: String) -> Double? {
            let chars = Array(TextLines.trim(text).unicodeScalars)
            guard chars.count >= 20 else { return nil }
            func number(_ start: Int, _ length: Int) -> Int? {
                guard start + length <= chars.count else { return nil }
                var value = 0
                for scalar in chars[start..<(start + length)] {
                    guard let digit = Int(String(scalar)), scalar.isASCII else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0, 4), chars[4] == "-", let month = number(5, 2), chars[7] == "-",
                  let day = number(8, 2), chars[10] == "T" || chars[10] == "t" || chars[10] == " ",
                  let hour = number(11, 2), chars[13] == ":", let minute = number(14, 2),
                  chars[16] == ":", let second = number(17, 2),
                  (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
            else { return nil }
            var index = 19
            var fraction = 0.0
            if index < chars.count, chars[index] == "." || chars[index] == "," {
                index += 1
                var scale = 0.1
                let start = index
                while index < chars.count, let digit = Int(String(chars[index])), chars[index].isASCII {
                    fraction += Double(digit) * scale
                    scale /= 10
                    index += 1
                }
                guard index > start else { return nil }
            }
            guard index < chars.count else { return nil }
            var offsetSeconds = 0
            switch chars[index] {
            case "Z", "z":
                guard index + 1 == chars.count else { return nil }
            case "+", "-":
                let sign = chars[index] == "-" ? -1 : 1
                let rest = chars.count - index - 1
                guard let offsetHour = number(index + 1, 2) else { return nil }
                let offsetMinute: Int?
                if rest == 5, chars[index + 3] == ":" {
                    offsetMinute = number(index + 4, 2)
                } else if rest == 4 {
                    offsetMinute = number(index + 3, 2)
                } else if rest == 2 {
                    offsetMinute = 0
                } else {
                    offsetMinute = nil
                }
                guard let offsetMinute, offsetHour < 24, offsetMinute < 60 else { return nil }
                offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
            default:
                return nil
            }
            let days = daysFromCivil(year: year, month: month, day: day)
            let local = Double(days * 86_400 + hour * 3600 + minute * 60 + second) + fraction
            return local - Double(offsetSeconds)
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
