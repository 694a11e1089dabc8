/// `baton.yml` read so that a broken or missing file never stops a command: what cannot be read
/// falls back to the defaults, with a warning, so `baton sync` can still fetch the fix.
extension JournalConfig {
    /// The settings of `yaml` (nil when the file is missing) and one warning per problem.
    /// A syntax error gives all the defaults; a bad value gives that key's default.
    public static func readingLeniently(_ yaml: String?) -> (config: JournalConfig, warnings: [String]) {
        let file = JournalLayout.configFile
        guard let yaml else {
            return (JournalConfig(), ["\(file) is missing; using the default settings until it is restored"])
        }
        let fields: [YAMLField]
        do {
            fields = try Self.fields(of: yaml)
        } catch {
            let warning = "\(file) cannot be read (\(detail(error))); using the default settings until it is fixed"
            return (JournalConfig(), [warning])
        }
        var config = JournalConfig()
        var warnings: [String] = []
        for field in fields {
            do {
                try config.apply(field)
            } catch {
                warnings.append("\(file): \(detail(error)); using the default \(field.key) until it is fixed")
            }
        }
        return (config, warnings)
    }

    private static func detail(_ error: any Error) -> String {
        if case ModelError.badConfig(let detail) = error { return detail }
        return TextSafety.singleLine("\(error)")
    }
}
