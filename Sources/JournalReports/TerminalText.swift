/// Makes teammates' text safe to print on a terminal: control characters and escape sequences
/// are shown as visible `\u{..}` escapes instead of being sent to the terminal.
public enum TerminalText {
    public static func clean(_ text: String, keepNewlines: Bool = true) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if scalar == "\n" && keepNewlines || scalar == "\t" {
                out.unicodeScalars.append(scalar)
            } else if scalar.properties.generalCategory == .control
                || scalar.properties.generalCategory == .format
                    && scalar.value != 0x200D
            {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
