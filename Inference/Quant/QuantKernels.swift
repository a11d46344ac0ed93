// The matrix-tile kernels for each weight type, chosen once per engine from a KernelTier
// (reference Swift, AVX2+FMA, AVX-512 VNNI), and the activation format each weight type consumes.

/// out[t·outStride + r] = dot(weight row r, activation row t) for r < rows, t < tokens.
/// `blocks` counts weight blocks per row (elements for f16/f32). Only raw pointers cross this
/// boundary so the per-ISA modules (compiled for other CPUs) need not import Inference.
public typealias MatTileKernel = (_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int,
                                  _ a: UnsafeRawPointer, _ aRowBytes: Int, _ tokens: Int, _ blocks: Int,
                                  _ out: UnsafeMutablePointer<Float>, _ outStride: Int) -> Void

/// The block format a row of activations is rounded to before a dot with a given weight type.
public enum ActivationFormat: Equatable, Sendable {
    case q8_0, q8_1, q8_K, f16, f32

    public init(weight: GGMLType) {
        switch weight {
        case .q4_1: self = .q8_1
        case .q6_K: self = .q8_K
        case .f16: self = .f16
        case .f32: self = .f32
        default: self = .q8_0
        }
    }

    /// Bytes of one quantized row. Q8_0/Q8_1 rows carry, after their ggml blocks, the block scales again as
    /// Float (d for Q8_0; d then s for Q8_1, interleaved) so the SIMD kernels skip the f16 conversion.
    public func rowBytes(_ cols: Int) -> Int {
        switch self {
        case .q8_0: cols / 32 * (BlockLayout.q8_0Bytes + 4)
        case .q8_1: cols / 32 * (BlockLayout.q8_1Bytes + 8)
        case .q8_K: cols / 256 * BlockLayout.q8_KBytes
        case .f16: cols * 2
        case .f32: cols * 4
        }
    }

    public func quantize(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, count: Int) {
        switch self {
        case .q8_0: ActivationQuantizer.quantizeQ8_0(x, dst, count: count)
        case .q8_1: ActivationQuantizer.quantizeQ8_1(x, dst, count: count)
        case .q8_K: ActivationQuantizer.quantizeQ8_K(x, dst, count: count)
        case .f16: ActivationQuantizer.convertF16(x, dst, count: count)
        case .f32: ActivationQuantizer.copyF32(x, dst, count: count)
        }
    }
}

public struct QuantKernels {
    public let tier: KernelTier
    let q4_0: MatTileKernel
    let q4_1: MatTileKernel
    let q8_0: MatTileKernel
    let q6_K: MatTileKernel
    let f16: MatTileKernel
    let f32: MatTileKernel

    public init(tier: KernelTier) {
        self.tier = tier
        switch tier {
        case .reference:
            q4_0 = { w, wb, r, a, ab, t, b, o, os in referenceTile(ReferenceQuants.dotQ4_0, w, wb, r, a, ab, t, b, o, os) }
            q4_1 = { w, wb, r, a, ab, t, b, o, os in referenceTile(ReferenceQuants.dotQ4_1, w, wb, r, a, ab, t, b, o, os) }
            q8_0 = { w, wb, r, a, ab, t, b, o, os in referenceTile(ReferenceQuants.dotQ8_0, w, wb, r, a, ab, t, b, o, os) }
            q6_K = { w, wb, r, a, ab, t, b, o, os in referenceTile(ReferenceQuants.dotQ6_K, w, wb, r, a, ab, t, b, o, os) }
            f16 = { w, wb, r, a, ab, t, b, o, os in referenceTile(ReferenceQuants.dotF16, w, wb, r, a, ab, t, b, o, os) }
            f32 = { w, wb, r, a, ab, t, b, o, os in referenceTile(ReferenceQuants.dotF32, w, wb, r, a, ab, t, b, o, os) }
        case .avx2, .avx512:
            let k = SIMDKernels.table(tier)
            q4_0 = k.q4_0; q4_1 = k.q4_1; q8_0 = k.q8_0; q6_K = k.q6_K; f16 = k.f16; f32 = k.f32
        }
    }

    public init(features: CPUFeatures) { self.init(tier: features.bestTier) }

    /// Quantizes one activation row to `format` with this tier's quantizer (byte-identical across tiers).
    public func quantize(_ format: ActivationFormat, _ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, count: Int) {
        switch (tier, format) {
        case (.avx2, .q8_0): avx2QuantizeQ8(x, dst, count, false)
        case (.avx2, .q8_1): avx2QuantizeQ8(x, dst, count, true)
        case (.avx512, .q8_0): avx512QuantizeQ8(x, dst, count, false)
        case (.avx512, .q8_1): avx512QuantizeQ8(x, dst, count, true)
        default: format.quantize(x, dst, count: count)
        }
    }

    public func tile(for type: GGMLType) -> MatTileKernel {
        switch type {
        case .q4_0: q4_0
        case .q4_1: q4_1
        case .q8_0: q8_0
        case .q6_K: q6_K
        case .f16: f16
        default: f32
        }
    }
}

@inline(__always)
func referenceTile(_ dot: (UnsafeRawPointer, UnsafeRawPointer, Int) -> Float,
                   _ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int,
                   _ a: UnsafeRawPointer, _ aRowBytes: Int, _ tokens: Int, _ blocks: Int,
                   _ out: UnsafeMutablePointer<Float>, _ outStride: Int) {
    for t in 0..<tokens {
        for r in 0..<rows { out[t * outStride + r] = dot(w + r * wRowBytes, a + t * aRowBytes, blocks) }
    }
}
