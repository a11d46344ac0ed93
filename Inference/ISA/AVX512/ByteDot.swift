// AVX-512 VNNI building block: Σ of 4 adjacent u8·i8 products per int32 lane in one vpdpbusd (ymm form,
// AVX512VL+VNNI), reached through LLVM intrinsics (Builtin module). Same results as the AVX2 pair.
import Builtin

@inline(__always)
func byteDot(_ a: SIMD32<UInt8>, _ b: SIMD32<Int8>) -> SIMD8<Int32> {
    let r = Builtin.int_x86_avx512_vpdpbusd_256(unsafeBitCast(SIMD8<Int32>(), to: Builtin.Vec8xInt32.self),
                                                unsafeBitCast(a, to: Builtin.Vec8xInt32.self),
                                                unsafeBitCast(b, to: Builtin.Vec8xInt32.self))
    return unsafeBitCast(r, to: SIMD8<Int32>.self)
}

@inline(__always)
func words(_ a: SIMD16<Int16>, _ b: SIMD16<Int16>) -> SIMD8<Int32> {
    let r = Builtin.int_x86_avx2_pmadd_wd(unsafeBitCast(a, to: Builtin.Vec16xInt16.self),
                                          unsafeBitCast(b, to: Builtin.Vec16xInt16.self))
    return unsafeBitCast(r, to: SIMD8<Int32>.self)
}

@inline(__always)
func bytePairs(_ a: SIMD32<UInt8>, _ b: SIMD32<Int8>) -> SIMD16<Int16> {
    unsafeBitCast(Builtin.int_x86_avx2_pmadd_ub_sw(unsafeBitCast(a, to: Builtin.Vec32xInt8.self),
                                                   unsafeBitCast(b, to: Builtin.Vec32xInt8.self)), to: SIMD16<Int16>.self)
}

@inline(__always)
func signBy(_ b: SIMD32<Int8>, _ s: SIMD32<Int8>) -> SIMD32<Int8> {
    unsafeBitCast(Builtin.int_x86_avx2_psign_b(unsafeBitCast(b, to: Builtin.Vec32xInt8.self),
                                               unsafeBitCast(s, to: Builtin.Vec32xInt8.self)), to: SIMD32<Int8>.self)
}




/// acc + byteDot(a, b) in one vpdpbusd.
@inline(__always)
func byteDotAdd(_ acc: SIMD8<Int32>, _ a: SIMD32<UInt8>, _ b: SIMD32<Int8>) -> SIMD8<Int32> {
    let r = Builtin.int_x86_avx512_vpdpbusd_256(unsafeBitCast(acc, to: Builtin.Vec8xInt32.self),
                                                unsafeBitCast(a, to: Builtin.Vec8xInt32.self),
                                                unsafeBitCast(b, to: Builtin.Vec8xInt32.self))
    return unsafeBitCast(r, to: SIMD8<Int32>.self)
}

/// Pairwise i32 sums of a and b interleaved per 128-bit half (vphaddd): a0+a1, a2+a3, b0+b1, b2+b3, a4+a5, …
@inline(__always)
func pairSums(_ a: SIMD8<Int32>, _ b: SIMD8<Int32>) -> SIMD8<Int32> {
    unsafeBitCast(Builtin.int_x86_avx2_phadd_d(unsafeBitCast(a, to: Builtin.Vec8xInt32.self),
                                               unsafeBitCast(b, to: Builtin.Vec8xInt32.self)), to: SIMD8<Int32>.self)
}

/// 32 vector registers: the Q4_0 tile runs 4 weight rows × 4 tokens (8 paired accumulators + 4 weight blocks).
let wideRowTile = true

/// Σ(qa − 8)·y and Σ(qb − 8)·y for two Q4_0 rows (unsigned nibbles) against one int8 block, in pairSums' lane
/// layout: −byteDot(8, y) is the vpdpbusd accumulator of each row, then vphaddd pairs the rows.
@inline(__always)
func q4PairDot(_ qa: SIMD32<UInt8>, _ qb: SIMD32<UInt8>, _ y: SIMD32<Int8>) -> SIMD8<Int32> {
    let k = SIMD8<Int32>() &- byteDot(SIMD32<UInt8>(repeating: 8), y)
    return pairSums(byteDotAdd(k, qa, y), byteDotAdd(k, qb, y))
}
