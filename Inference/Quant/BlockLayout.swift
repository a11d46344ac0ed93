// Byte layouts of the ggml blocks used here (ggml-common.h): weights Q4_0/Q4_1/Q8_0/Q6_K and the
// activation blocks Q8_0/Q8_1/Q8_K that llama.cpp quantizes a row of activations into before a dot product.
public enum BlockLayout {
    /// Q4_0: f16 d, 16 bytes of nibbles (low nibbles = elements 0…15, high = 16…31); x = d·(q−8).
    public static let q4_0Bytes = 18
    /// Q4_1: f16 d, f16 m, 16 bytes of nibbles; x = d·q + m.
    public static let q4_1Bytes = 20
    /// Q8_0: f16 d, 32 × int8; x = d·q.
    public static let q8_0Bytes = 34
    /// Q8_1 (activations for Q4_1): f16 d, f16 s = d·Σq, 32 × int8.
    public static let q8_1Bytes = 36
    /// Q6_K: 128 bytes low 4 bits, 64 bytes high 2 bits, 16 × int8 scales, f16 d; 256 elements.
    public static let q6_KBytes = 210
    /// Q8_K (activations for Q6_K): f32 d, 256 × int8, 16 × int16 block sums; 256 elements.
    public static let q8_KBytes = 292
    /// Elements per block.
    public static let qk = 32
    public static let qkK = 256
}

@inline(__always)
func loadHalf(_ p: UnsafeRawPointer, _ offset: Int) -> Float {
    halfToFloat(p.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
}

@inline(__always)
func storeHalf(_ p: UnsafeMutableRawPointer, _ offset: Int, _ v: Float) {
    p.storeBytes(of: floatToHalf(v), toByteOffset: offset, as: UInt16.self)
}
