extension TaskDocument {
    /// The file text in the FORMAT.md layout; `parse(render())` gives back an equal document.
    public func render() -> String {
        var fields: [YAMLField] = [field("id", .scalar(id, plain: !YAMLScalar.needsQuotes(id)))]
        if kind == .ask { fields.append(field("kind", .scalar("ask", plain: true))) }
        fields.append(field("title", .string(title)))
        fields.append(field("status", .scalar(status.rawValue, plain: true)))
        if !owner.isEmpty { fields.append(field("owner", .string(owner))) }
        if let from { fields.append(field("from", .string(from))) }
        if let to { fields.append(field("to", .string(to))) }
        if let respondBy { fields.append(field("respond_by", .scalar(respondBy.description, plain: true))) }
        fields.append(field("created", .scalar(created.description, plain: true)))
        fields.append(field("updated", .scalar(updated.description, plain: true)))
        if let due { fields.append(field("due", .scalar(due.description, plain: true))) }
        if !tags.isEmpty { fields.append(field("tags", .list(tags.map { .string($0) }, flow: true))) }
        if let blockedReason { fields.append(field("blocked_reason", .string(blockedReason))) }
        fields += extraFields.filter { !TaskDocument.knownKeys.contains($0.key) }

        var out = "---\n" + YAMLFields.render(fields) + "---\n\n"
        if !description.isEmpty { out += description + "\n\n" }
        out += "## Log\n"
        if !log.isEmpty { out += "\n" + log.flatMap(\.lines).map { $0 + "\n" }.joined() }
        if !trailingBody.isEmpty { out += "\n" + trailingBody + "\n" }
        return out
    }

    private func field(_ key: String, _ value: YAMLValue) -> YAMLField {
        YAMLField(key: key, value: value)
    }
}
