// BLAKE3 constants from the specification (BLAKE3 paper §2.1–§2.3): IV, domain flags, sizes.

/// Fixed sizes and constants of BLAKE3. Nothing here is tunable: changing any value changes the hash.
public enum Blake3Constants {
    /// Bytes per compression-function block (§2.2).
    public static let blockLength = 64
    /// Bytes per chunk, the leaves of the tree (§2.1).
    public static let chunkLength = 1024
    /// Bytes of a default digest, a key and a chaining value.
    public static let outputLength = 32
    /// Maximum depth of the chaining-value stack: 2^64 bytes of input / 1024-byte chunks → 54 levels (§5.1.2).
    public static let maxDepth = 54

    /// The IV: the first 32 bits of the fractional parts of the square roots of the first 8 primes,
    /// the same as SHA-256 (§2.2). Used as the key in `hash` mode and as row 2 of every compression.
    static let iv = SIMD8<UInt32>(
        0x6A09_E667, 0xBB67_AE85, 0x3C6E_F372, 0xA54F_F53A,
        0x510E_527F, 0x9B05_688C, 0x1F83_D9AB, 0x5BE0_CD19)
}

/// Domain-separation flags, OR-ed into word 15 of the compression state (§2.2, Table 3).
enum Blake3Flag {
    static let chunkStart: UInt32 = 1 << 0
    static let chunkEnd: UInt32 = 1 << 1
    static let parent: UInt32 = 1 << 2
    static let root: UInt32 = 1 << 3
    static let keyedHash: UInt32 = 1 << 4
    static let deriveKeyContext: UInt32 = 1 << 5
    static let deriveKeyMaterial: UInt32 = 1 << 6
}
