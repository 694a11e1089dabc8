import Foundation

/// The package's source files and Package.swift, read as text.
struct SourceTree {
    /// A target of Package.swift: its name, its folder, and the modules it lists.
    struct Target {
        let name: String
        let path: String
        let dependencies: Set<String>
    }

    let root: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The targets of Package.swift, with the module names of their dependencies (products by name).
    func targets() throws -> [Target] {
        let manifest = try String(contentsOfFile: root + "/Package.swift", encoding: .utf8)
        var result: [Target] = []
        for kind in [".target(", ".executableTarget(", ".testTarget("] {
            var rest = manifest[...]
            while let start = rest.range(of: kind) {
                let body = Self.balanced(rest[start.upperBound...], open: "(", close: ")")
                rest = rest[start.upperBound...]
                guard let name = Self.firstQuoted(after: "name:", in: body) else { continue }
                let folder = kind == ".testTarget(" ? "Tests/" : "Sources/"
                let path = Self.firstQuoted(after: "path:", in: body) ?? folder + name
                var dependencies = Set<String>()
                if let list = body.range(of: "dependencies:") {
                    let opening = body[list.upperBound...].drop { $0 != "[" }.dropFirst()
                    var text = Self.balanced(opening, open: "[", close: "]")
                    // `.product(name: "Yams", package: "Yams")`: the module is the product's name.
                    while let package = text.range(of: #"package:\s*"[^"]*""#, options: .regularExpression) {
                        text.removeSubrange(package)
                    }
                    dependencies = Set(Self.quoted(in: text))
                }
                result.append(Target(name: name, path: path, dependencies: dependencies))
            }
        }
        return result
    }

    /// The Swift files under `folder`, relative to the root, sorted.
    func swiftFiles(under folder: String) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root + "/" + folder) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.map { folder + "/" + $0 }.sorted()
    }

    /// Every `import` under `folder`: the file and the module.
    func imports(under folder: String) throws -> [(file: String, module: String)] {
        let pattern = try NSRegularExpression(
            pattern: #"^\s*(?:@\w+(?:\([^)]*\))?\s+)*import\s+"#
                + #"(?:(?:struct|class|enum|protocol|typealias|func|var|let)\s+)?(\w+)"#)
        var result: [(String, String)] = []
        for file in try swiftFiles(under: folder) {
            for line in try lines(of: file) {
                let range = NSRange(line.startIndex..., in: line)
                guard let match = pattern.firstMatch(in: line, range: range),
                    let name = Range(match.range(at: 1), in: line)
                else { continue }
                result.append((file, String(line[name])))
            }
        }
        return result
    }

    /// The top-level types declared `public` (or `open`) under `folders`.
    func publicTypeNames(under folders: [String]) throws -> Set<String> {
        let pattern = try NSRegularExpression(
            pattern: #"^(?:public|open)\s+(?:(?:final|indirect)\s+)*"#
                + #"(?:struct|class|enum|protocol|typealias|actor)\s+(\w+)"#)
        var names = Set<String>()
        for folder in folders {
            for file in try swiftFiles(under: folder) {
                for line in try lines(of: file) {
                    let range = NSRange(line.startIndex..., in: line)
                    guard let match = pattern.firstMatch(in: line, range: range),
                        let name = Range(match.range(at: 1), in: line)
                    else { continue }
                    names.insert(String(line[name]))
                }
            }
        }
        return names
    }

    /// The public declarations under `folder` (joined over the lines their parentheses span, without
    /// bodies or comments), and every enum case with associated values (a public enum's cases are public).
    func publicDeclarations(under folder: String) throws -> [(file: String, text: String)] {
        var result: [(String, String)] = []
        for file in try swiftFiles(under: folder) {
            let all = try lines(of: file).map(Self.code)
            var index = 0
            while index < all.count {
                let line = all[index].trimmingCharacters(in: .whitespaces)
                index += 1
                let isCase = line.range(of: #"^case\s+\w+\s*\("#, options: .regularExpression) != nil
                guard line.hasPrefix("public ") || line.hasPrefix("open ") || isCase else { continue }
                var text = line
                while Self.depth(of: text) > 0, index < all.count {
                    text += " " + all[index].trimmingCharacters(in: .whitespaces)
                    index += 1
                }
                result.append((file, Self.signature(text)))
            }
        }
        return result
    }

    /// The identifiers in `text`.
    static func identifiers(in text: String) -> [String] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init)
    }

    private func lines(of file: String) throws -> [String] {
        try String(contentsOfFile: root + "/" + file, encoding: .utf8).components(separatedBy: "\n")
    }

    /// `line` without its comment and string literals.
    private static func code(_ line: String) -> String {
        var out = ""
        var inString = false
        var previous: Character = " "
        for character in line {
            if character == "\"" && previous != "\\" {
                inString.toggle()
            } else if !inString {
                if character == "/" && previous == "/" {
                    out.removeLast()
                    break
                }
                out.append(character)
            }
            previous = character
        }
        return out
    }

    /// Open parentheses minus closed ones.
    private static func depth(of text: String) -> Int {
        text.reduce(0) { $0 + ($1 == "(" ? 1 : $1 == ")" ? -1 : 0) }
    }

    /// The declaration up to its body or default value (`{` or `=` outside parentheses).
    private static func signature(_ text: String) -> String {
        var depth = 0
        var out = ""
        for character in text {
            if character == "(" || character == "[" { depth += 1 }
            if character == ")" || character == "]" { depth -= 1 }
            if depth == 0 && (character == "{" || character == "=") { break }
            out.append(character)
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    /// The text inside the bracket that `text` starts within, up to its matching `close`.
    private static func balanced(_ text: Substring, open: Character, close: Character) -> Substring {
        var depth = 1
        var end = text.startIndex
        while end < text.endIndex {
            if text[end] == open { depth += 1 }
            if text[end] == close {
                depth -= 1
                if depth == 0 { break }
            }
            end = text.index(after: end)
        }
        return text[text.startIndex..<end]
    }

    private static func firstQuoted(after label: String, in text: Substring) -> String? {
        guard let at = text.range(of: label) else { return nil }
        return quoted(in: text[at.upperBound...]).first
    }

    private static func quoted(in text: Substring) -> [String] {
        text.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
}
