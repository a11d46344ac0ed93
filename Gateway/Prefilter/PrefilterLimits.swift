// Limits of the adversarial pre-filter (layer 4), each with the reason for its value.

public enum PrefilterLimits {
    /// Most UTF-8 bytes of argument and context text scanned per call (raw, before decoding).
    /// A call carrying more is denied (fail closed): an unscanned tail could hide anything.
    public static let maxInputBytes = 256 * 1024
    /// Most bytes of normalized views scanned per call, decoded views included. Decoding can only
    /// shrink text, but nested decodes re-scan it; exceeding the budget denies the call.
    public static let maxScannedBytes = 4 * 1024 * 1024
    /// Deepest chain of decodings applied to one string (e.g. base64 of percent-encoded text = 2).
    public static let maxDecodeDepth = 3
    /// Shortest run of base64 alphabet characters tried as a base64 segment (12 decoded bytes).
    public static let minBase64Run = 16
    /// Shortest run of hex digits tried as a hex segment (8 decoded bytes).
    public static let minHexRun = 16
    /// A decoded segment is scanned only if at least this percentage of its bytes is printable ASCII.
    public static let minPrintablePercent = 85
    /// A base64 run this long inside a URL is itself an exfiltration shape.
    public static let minBase64RunInURL = 64
    /// Deepest JSON nesting walked when collecting string arguments (the parser's own limit is lower).
    public static let maxArgumentDepth = 64
    /// How far after an exfiltration verb ("send", "forward", …) the " to …@…" shape is looked for, in bytes.
    public static let exfilWindow = 120
    /// Clean keys and context strings remembered per gateway (round-robin), and the longest one
    /// remembered: schema keys and a session's intent recur on every call; long or rare strings
    /// are cheaper to rescan than to compare against many entries.
    public static let memoEntries = 32
    public static let maxMemoizedBytes = 256
}
