// The sixteen-lane AVX-512 chunk and parent kernels (module Blake3AVX512, compiled for skylake-avx512), bound
// by C symbol so none of their code is inlined here, and the switch that allows them. The library cannot
// detect CPU features itself (no CPUID in Swift, no OS in the kernel): the host tools enable it from
// /proc/cpuinfo; the kernel never does (QEMU's TCG has no AVX-512, and the kernel leaves ZMM state off).

public enum Blake3Wide {
    /// Chunks (or parents) per call of the wide kernels.
    static let lanes = 16
    /// Largest subtree hashed in one go (its CVs live on the stack: 8 words each).
    static let maxSubtreeChunks = 256
    /// Fewest parents of a level worth one 16-lane call (it costs about as much as 4–5 row-wise ones).
    static let minParentBatch = 8

    /// Whether new hashers may use the AVX-512 kernel. Set once at start-up, before any hashing.
    nonisolated(unsafe) public private(set) static var avx512Enabled = false

    /// Allows the AVX-512 kernel when `cpuinfoFlags` (the `flags` line of /proc/cpuinfo) lists every
    /// feature skylake-avx512 code may use: AVX-512 F, CD, BW, DQ and VL. Returns the new setting.
    @discardableResult
    public static func enable(cpuinfoFlags: String) -> Bool {
        avx512Enabled = supportsAVX512(cpuinfoFlags: cpuinfoFlags)
        return avx512Enabled
    }

    /// True if the flags name AVX-512 F, CD, BW, DQ and VL (whole words).
    public static func supportsAVX512(cpuinfoFlags: String) -> Bool {
        let words = cpuinfoFlags.split(separator: " ")
        for needed in ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"] {
            if !words.contains(where: { $0.utf8.elementsEqual(needed.utf8) }) { return false }
        }
        return true
    }
}

/// Sixteen parent CVs: block j = the 64 bytes at blocks + 64j (left then right child CV); parent j's CV
/// is written to out[8j…8j+7] after all blocks are read (out may equal blocks). AVX-512 only.
@_extern(c, "warden_blake3_avx512_parents16")
func blake3AVX512Parents16(_ blocks: UnsafeRawPointer, _ key: UnsafePointer<UInt32>, _ flags: UInt32,
                           _ out: UnsafeMutablePointer<UInt32>)

/// Hashes 16 whole consecutive chunks at `input` (counters `counter`…`counter + 15`, none the root);
/// chunk j's chaining value is written to out[8j…8j+7]. AVX-512 only: see Blake3Wide.
@_extern(c, "warden_blake3_avx512_hash16")
func blake3AVX512Hash16(_ input: UnsafeRawPointer, _ key: UnsafePointer<UInt32>, _ counter: UInt64,
                        _ flags: UInt32, _ out: UnsafeMutablePointer<UInt32>)
