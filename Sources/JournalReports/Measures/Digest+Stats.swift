import Foundation
import JournalModel

extension Digest {
    /// `baton stats`: the period's response windows, participation and blockers alone.
    public func statsText(style: TextStyle) -> String {
        var out = DigestWriter(markdown: false, style: style, zone: zone)
        out.title("\(TerminalText.clean(team, keepNewlines: false)): response windows \(since) to \(until)")
        out.responsiveness(responsiveness)
        return out.result
    }

    /// `baton stats --json`: the period and the digest's `responsiveness` object.
    public func statsJSON() throws -> String {
        let object: [String: Any] = [
            "team": team, "since": since.description, "until": until.description, "timezone": zone.identifier,
            "generated": generated.converted(to: zone).description, "responsiveness": responsiveness.jsonObject(),
        ]
        let data = try JSONSerialization.data(
            withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
