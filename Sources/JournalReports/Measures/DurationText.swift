/// A duration in seconds for a reader: `26h 05m` (hours and minutes, rounded down), `–` when absent.
public enum DurationText {
    public static func hoursMinutes(_ seconds: Int?) -> String {
        guard let seconds else { return "–" }
        let minutes = max(0, seconds) / 60
        let mm = minutes % 60
        return "\(minutes / 60)h \(mm < 10 ? "0" : "")\(mm)m"
    }
}
