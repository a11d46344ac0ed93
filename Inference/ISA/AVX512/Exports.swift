// C-ABI entry points of the AVX512 tile kernels. Inference binds them with @_extern(c) instead of importing
// this module, so no kernel body is inlined into code compiled for the baseline CPU (Embedded CMO would).

@_cdecl("warden_avx512_tile_q4_0")
public func avx512TileQ4_0(_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int, _ a: UnsafeRawPointer, _ aRowBytes: Int,
                      _ tokens: Int, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, _ outStride: Int) {
    tileQ4_0(w, wRowBytes, rows, a, aRowBytes, tokens, blocks, out, outStride)
}

@_cdecl("warden_avx512_tile_q4_1")
public func avx512TileQ4_1(_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int, _ a: UnsafeRawPointer, _ aRowBytes: Int,
                      _ tokens: Int, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, _ outStride: Int) {
    tileQ4_1(w, wRowBytes, rows, a, aRowBytes, tokens, blocks, out, outStride)
}

@_cdecl("warden_avx512_tile_q8_0")
public func avx512TileQ8_0(_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int, _ a: UnsafeRawPointer, _ aRowBytes: Int,
                      _ tokens: Int, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, _ outStride: Int) {
    tileQ8_0(w, wRowBytes, rows, a, aRowBytes, tokens, blocks, out, outStride)
}

@_cdecl("warden_avx512_tile_q6_k")
public func avx512TileQ6_K(_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int, _ a: UnsafeRawPointer, _ aRowBytes: Int,
                      _ tokens: Int, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, _ outStride: Int) {
    tileQ6_K(w, wRowBytes, rows, a, aRowBytes, tokens, blocks, out, outStride)
}

@_cdecl("warden_avx512_tile_f16")
public func avx512TileF16(_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int, _ a: UnsafeRawPointer, _ aRowBytes: Int,
                      _ tokens: Int, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, _ outStride: Int) {
    tileF16(w, wRowBytes, rows, a, aRowBytes, tokens, blocks, out, outStride)
}

@_cdecl("warden_avx512_tile_f32")
public func avx512TileF32(_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int, _ a: UnsafeRawPointer, _ aRowBytes: Int,
                      _ tokens: Int, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, _ outStride: Int) {
    tileF32(w, wRowBytes, rows, a, aRowBytes, tokens, blocks, out, outStride)
}

@_cdecl("warden_avx512_attend_head")
public func avx512AttendHead(_ q: UnsafePointer<Float>, _ keys: UnsafePointer<Float>, _ values: UnsafePointer<Float>,
                            _ stride: Int, _ positions: Int, _ hd: Int, _ scale: Float,
                            _ scores: UnsafeMutablePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
    attendHead(q, keys, values, stride, positions, hd, scale, scores, out)
}

@_cdecl("warden_avx512_swiglu")
public func avx512Swiglu(_ gate: UnsafeMutablePointer<Float>, _ up: UnsafePointer<Float>, _ n: Int) {
    swiglu(gate, up, n)
}

@_cdecl("warden_avx512_quantize_q8")
public func avx512QuantizeQ8(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, _ count: Int, _ withSum: Bool) {
    quantizeQ8(x, dst, count, withSum)
}
