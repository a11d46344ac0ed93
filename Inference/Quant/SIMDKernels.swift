// Binds the per-ISA kernel modules (InferenceAVX2 compiled for haswell, InferenceAVX512 for icelake-server)
// to MatTileKernel values; which one runs is decided once from the injected CPUFeatures.
import InferenceAVX2
import InferenceAVX512

struct SIMDKernels {
    let q4_0, q4_1, q8_0, q6_K, f16, f32: MatTileKernel

    static func table(_ tier: KernelTier) -> SIMDKernels {
        switch tier {
        case .avx512:
            return SIMDKernels(q4_0: InferenceAVX512.tileQ4_0, q4_1: InferenceAVX512.tileQ4_1,
                               q8_0: InferenceAVX512.tileQ8_0, q6_K: InferenceAVX512.tileQ6_K,
                               f16: InferenceAVX512.tileF16, f32: InferenceAVX512.tileF32)
        default:
            return SIMDKernels(q4_0: InferenceAVX2.tileQ4_0, q4_1: InferenceAVX2.tileQ4_1,
                               q8_0: InferenceAVX2.tileQ8_0, q6_K: InferenceAVX2.tileQ6_K,
                               f16: InferenceAVX2.tileF16, f32: InferenceAVX2.tileF32)
        }
    }
}
