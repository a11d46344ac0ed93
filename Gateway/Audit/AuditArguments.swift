// The `args` field of a decision record: BLAKE3 of the arguments' canonical JSON (JSONWriter.canonical).

import Blake3

public enum AuditArguments {
    /// BLAKE3-256 of the canonical serialization of `arguments`. `scratch` is reused between calls
    /// (cleared, capacity kept), so the per-call path does not allocate once it has grown.
    public static func hash(_ arguments: JSONValue, scratch: inout [UInt8]) -> Blake3Digest {
        scratch.removeAll(keepingCapacity: true)
        JSONWriter.canonical(arguments, into: &scratch)
        return scratch.withUnsafeBytes { Blake3.hash($0) }
    }
}
