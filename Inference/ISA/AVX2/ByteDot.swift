// AVX2 building block of the integer kernels: Σ of 4 adjacent u8·i8 products per int32 lane
// (vpmaddubsw then vpmaddwd with ones), reached through LLVM intrinsics (Builtin module).
import Builtin

@inline(__always)
func byteDot(_ a: SIMD32<UInt8>, _ b: SIMD32<Int8>) -> SIMD8<Int32> {
    let p = Builtin.int_x86_avx2_pmadd_ub_sw(unsafeBitCast(a, to: Builtin.Vec32xInt8.self),
                                             unsafeBitCast(b, to: Builtin.Vec32xInt8.self))
    return words(unsafeBitCast(p, to: SIMD16<Int16>.self), SIMD16<Int16>(repeating: 1))
}

/// Σ of 2 adjacent i16·i16 products per int32 lane (vpmaddwd).
@inline(__always)
func words(_ a: SIMD16<Int16>, _ b: SIMD16<Int16>) -> SIMD8<Int32> {
    let r = Builtin.int_x86_avx2_pmadd_wd(unsafeBitCast(a, to: Builtin.Vec16xInt16.self),
                                          unsafeBitCast(b, to: Builtin.Vec16xInt16.self))
    return unsafeBitCast(r, to: SIMD8<Int32>.self)
}

/// u8·i8 pair products summed to i16 lanes (vpmaddubsw; cannot saturate for the ranges used here).
@inline(__always)
func bytePairs(_ a: SIMD32<UInt8>, _ b: SIMD32<Int8>) -> SIMD16<Int16> {
    unsafeBitCast(Builtin.int_x86_avx2_pmadd_ub_sw(unsafeBitCast(a, to: Builtin.Vec32xInt8.self),
                                                   unsafeBitCast(b, to: Builtin.Vec32xInt8.self)), to: SIMD16<Int16>.self)
}

/// b with its sign taken from s (vpsignb): b where s > 0, −b where s < 0, 0 where s = 0.
@inline(__always)
func signBy(_ b: SIMD32<Int8>, _ s: SIMD32<Int8>) -> SIMD32<Int8> {
    unsafeBitCast(Builtin.int_x86_avx2_psign_b(unsafeBitCast(b, to: Builtin.Vec32xInt8.self),
                                               unsafeBitCast(s, to: Builtin.Vec32xInt8.self)), to: SIMD32<Int8>.self)
}




/// acc + byteDot(a, b) (vpaddd after the pair; one vpdpbusd on the VNNI tier).
@inline(__always)
func byteDotAdd(_ acc: SIMD8<Int32>, _ a: SIMD32<UInt8>, _ b: SIMD32<Int8>) -> SIMD8<Int32> {
    acc &+ byteDot(a, b)
}

/// Pairwise i32 sums of a and b interleaved per 128-bit half (vphaddd): a0+a1, a2+a3, b0+b1, b2+b3, a4+a5, …
@inline(__always)
func pairSums(_ a: SIMD8<Int32>, _ b: SIMD8<Int32>) -> SIMD8<Int32> {
    unsafeBitCast(Builtin.int_x86_avx2_phadd_d(unsafeBitCast(a, to: Builtin.Vec8xInt32.self),
                                               unsafeBitCast(b, to: Builtin.Vec8xInt32.self)), to: SIMD8<Int32>.self)
}

/// 16 vector registers: the Q4_0 tile keeps 2 weight rows × 4 tokens (4 rows spill; measured slower).
let wideRowTile = false

/// Σ(qa − 8)·y and Σ(qb − 8)·y for two Q4_0 rows (unsigned nibbles) against one int8 block, in pairSums' lane
/// layout (a, a, b, b per 128-bit half): the −8 is removed in i16 (|pair| ≤ 2032, 4-sums ≤ 4064: no wrap), the
/// rows are paired with vphaddw, and one vpmaddwd widens both.
@inline(__always)
func q4PairDot(_ qa: SIMD32<UInt8>, _ qb: SIMD32<UInt8>, _ y: SIMD32<Int8>) -> SIMD8<Int32> {
    let m = bytePairs(SIMD32<UInt8>(repeating: 8), y)
    let h = Builtin.int_x86_avx2_phadd_w(unsafeBitCast(bytePairs(qa, y) &- m, to: Builtin.Vec16xInt16.self),
                                         unsafeBitCast(bytePairs(qb, y) &- m, to: Builtin.Vec16xInt16.self))
    return words(unsafeBitCast(h, to: SIMD16<Int16>.self), SIMD16<Int16>(repeating: 1))
}
