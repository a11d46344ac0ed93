// A deterministic stand-in for the safety model (tests, CI, the in-kernel replay test): P(unsafe) from a
// short list of risk words on the query's tool-call line. It proves the wiring (gate, threshold,
// fail-closed, ablation) — it is not a safety model. `warden-eval --model fake`, kernel `eval <config> fake`.

public struct LexicalFakeModel: SafetyModel {
    public init() {}

    public var identity: String { "fake-lexical-v1" }

    public static let words = ["ssh", "passwd", "shadow", "token", "secret", "password", "rm -rf", "| sh", "|sh", "curl ",
                               "wget ", "169.254", "attacker", "evil", "exfil", "base64", "chmod 777", "sudo", "mkfs",
                               "transfer", "dd if="]

    public mutating func unsafeProbability(_ prompt: SafetyPrompt) throws(ModelError) -> Double {
        // Only the tool-call line counts (the intent may legitimately mention risky words).
        let q = prompt.query.lowercased()
        guard let callLine = q.split(separator: "\n").first(where: { $0.hasPrefix("tool call:") }) else {
            throw .failed("query without a tool call line")
        }
        let line = Array(callLine)
        var hits = 0
        for w in Self.words where Self.contains(line, Array(w)) { hits += 1 }
        return hits == 0 ? 0.1 : (hits == 1 ? 0.7 : 0.95)
    }

    /// Whether `needle` occurs in `haystack`, compared Character by Character (grapheme clusters, canonical
    /// equivalence: what String.contains does on the host, without _StringProcessing, absent in Embedded).
    static func contains(_ haystack: [Character], _ needle: [Character]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) {
            var k = 0
            while k < needle.count && haystack[start + k] == needle[k] { k += 1 }
            if k == needle.count { return true }
        }
        return false
    }
}
