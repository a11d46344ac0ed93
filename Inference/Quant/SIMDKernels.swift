// Binds the per-ISA kernel modules (InferenceAVX2 compiled for haswell, InferenceAVX512 for icelake-server)
// to MatTileKernel values through their C symbols; which one runs is decided once from the injected CPUFeatures.
// The modules are linked (SwiftPM dependency / kernel link line) but not imported: see ISA/*/Exports.swift.

struct SIMDKernels {
    let q4_0, q4_1, q8_0, q6_K, f16, f32: MatTileKernel

    static func table(_ tier: KernelTier) -> SIMDKernels {
        switch tier {
        case .avx512:
            return SIMDKernels(q4_0: { avx512TileQ4_0($0, $1, $2, $3, $4, $5, $6, $7, $8) },
                               q4_1: { avx512TileQ4_1($0, $1, $2, $3, $4, $5, $6, $7, $8) },
                               q8_0: { avx512TileQ8_0($0, $1, $2, $3, $4, $5, $6, $7, $8) },
                               q6_K: { avx512TileQ6_K($0, $1, $2, $3, $4, $5, $6, $7, $8) },
                               f16: { avx512TileF16($0, $1, $2, $3, $4, $5, $6, $7, $8) },
                               f32: { avx512TileF32($0, $1, $2, $3, $4, $5, $6, $7, $8) })
        default:
            return SIMDKernels(q4_0: { avx2TileQ4_0($0, $1, $2, $3, $4, $5, $6, $7, $8) },
                               q4_1: { avx2TileQ4_1($0, $1, $2, $3, $4, $5, $6, $7, $8) },
                               q8_0: { avx2TileQ8_0($0, $1, $2, $3, $4, $5, $6, $7, $8) },
                               q6_K: { avx2TileQ6_K($0, $1, $2, $3, $4, $5, $6, $7, $8) },
                               f16: { avx2TileF16($0, $1, $2, $3, $4, $5, $6, $7, $8) },
                               f32: { avx2TileF32($0, $1, $2, $3, $4, $5, $6, $7, $8) })
        }
    }
}

@_extern(c, "warden_avx2_tile_q4_0")
func avx2TileQ4_0(_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int, _ a: UnsafeRawPointer, _ aRowBytes: Int,
                 _ tokens: Int, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, _ outStride: Int)

@_extern(c, "warden_avx2_tile_q4_1")
func avx2TileQ4_1(_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int, _ a: UnsafeRawPointer, _ aRowBytes: Int,
                 _ tokens: Int, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, _ outStride: Int)

@_extern(c, "warden_avx2_tile_q8_0")
func avx2TileQ8_0(_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int, _ a: UnsafeRawPointer, _ aRowBytes: Int,
                 _ tokens: Int, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, _ outStride: Int)

@_extern(c, "warden_avx2_tile_q6_k")
func avx2TileQ6_K(_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int, _ a: UnsafeRawPointer, _ aRowBytes: Int,
                 _ tokens: Int, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, _ outStride: Int)

@_extern(c, "warden_avx2_tile_f16")
func avx2TileF16(_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int, _ a: UnsafeRawPointer, _ aRowBytes: Int,
                 _ tokens: Int, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, _ outStride: Int)

@_extern(c, "warden_avx2_tile_f32")
func avx2TileF32(_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int, _ a: UnsafeRawPointer, _ aRowBytes: Int,
                 _ tokens: Int, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, _ outStride: Int)

@_extern(c, "warden_avx512_tile_q4_0")
func avx512TileQ4_0(_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int, _ a: UnsafeRawPointer, _ aRowBytes: Int,
                 _ tokens: Int, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, _ outStride: Int)

@_extern(c, "warden_avx512_tile_q4_1")
func avx512TileQ4_1(_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int, _ a: UnsafeRawPointer, _ aRowBytes: Int,
                 _ tokens: Int, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, _ outStride: Int)

@_extern(c, "warden_avx512_tile_q8_0")
func avx512TileQ8_0(_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int, _ a: UnsafeRawPointer, _ aRowBytes: Int,
                 _ tokens: Int, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, _ outStride: Int)

@_extern(c, "warden_avx512_tile_q6_k")
func avx512TileQ6_K(_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int, _ a: UnsafeRawPointer, _ aRowBytes: Int,
                 _ tokens: Int, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, _ outStride: Int)

@_extern(c, "warden_avx512_tile_f16")
func avx512TileF16(_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int, _ a: UnsafeRawPointer, _ aRowBytes: Int,
                 _ tokens: Int, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, _ outStride: Int)

@_extern(c, "warden_avx512_tile_f32")
func avx512TileF32(_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int, _ a: UnsafeRawPointer, _ aRowBytes: Int,
                 _ tokens: Int, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, _ outStride: Int)

@_extern(c, "warden_avx2_attend_head")
func avx2AttendHead(_ q: UnsafePointer<Float>, _ keys: UnsafePointer<Float>, _ values: UnsafePointer<Float>,
                  _ stride: Int, _ positions: Int, _ hd: Int, _ scale: Float,
                  _ scores: UnsafeMutablePointer<Float>, _ out: UnsafeMutablePointer<Float>)

@_extern(c, "warden_avx2_swiglu")
func avx2Swiglu(_ gate: UnsafeMutablePointer<Float>, _ up: UnsafePointer<Float>, _ n: Int)

@_extern(c, "warden_avx512_attend_head")
func avx512AttendHead(_ q: UnsafePointer<Float>, _ keys: UnsafePointer<Float>, _ values: UnsafePointer<Float>,
                  _ stride: Int, _ positions: Int, _ hd: Int, _ scale: Float,
                  _ scores: UnsafeMutablePointer<Float>, _ out: UnsafeMutablePointer<Float>)

@_extern(c, "warden_avx512_swiglu")
func avx512Swiglu(_ gate: UnsafeMutablePointer<Float>, _ up: UnsafePointer<Float>, _ n: Int)

@_extern(c, "warden_avx2_quantize_q8")
func avx2QuantizeQ8(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, _ count: Int, _ withSum: Bool)

@_extern(c, "warden_avx512_quantize_q8")
func avx512QuantizeQ8(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, _ count: Int, _ withSum: Bool)
