// SIMD tile kernels (shared source: this file is also compiled into InferenceAVX512 through a symlink; the
// per-ISA `byteDot` differs). out[t·outStride + r] = dot(weight row r, activation row t), tokens in groups of 4
// so each unpacked weight block is reused. Integer sums equal the reference exactly; only float order differs.

@inline(__always)
func half(_ p: UnsafeRawPointer, _ offset: Int) -> Float {
    Float(Float16(bitPattern: p.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
}

/// Horizontal sum in ggml's hsum_float_8 order: halves, then pairs, then the last two lanes.
@inline(__always)
func hsum8(_ v: SIMD8<Float>) -> Float {
    let r4 = v.lowHalf + v.highHalf
    let r2 = r4.lowHalf + r4.highHalf
    return r2[0] + r2[1]
}

/// acc + d·Float(p), fused as ggml's _mm256_fmadd_ps.
@inline(__always)
func fma(_ acc: SIMD8<Float>, _ d: Float, _ p: SIMD8<Int32>) -> SIMD8<Float> {
    acc.addingProduct(SIMD8<Float>(repeating: d), SIMD8<Float>(p))
}

@inline(__always)
func nibbles(_ p: UnsafeRawPointer) -> SIMD32<UInt8> {
    let qs = p.loadUnaligned(as: SIMD16<UInt8>.self)
    return SIMD32<UInt8>(lowHalf: qs & 0xF, highHalf: qs &>> 4)
}

/// Runs `four` on groups of 4 tokens and `one` on the rest, for every weight row.
@inline(__always)
func tokenGroups(_ rows: Int, _ tokens: Int, _ four: (Int, Int) -> Void, _ one: (Int, Int) -> Void) {
    for r in 0..<rows {
        var t = 0
        while t + 4 <= tokens { four(r, t); t += 4 }
        while t < tokens { one(r, t); t += 1 }
    }
}

/// As tokenGroups, with `pair(r, t)` covering rows r, r+1 × tokens t…t+3 (each activation block loaded once
/// for two rows); odd rows and leftover tokens fall back to `four` / `one`.
@inline(__always)
func rowPairGroups(_ rows: Int, _ tokens: Int, _ pair: (Int, Int) -> Void, _ four: (Int, Int) -> Void,
                   _ one: (Int, Int) -> Void) {
    var r = 0
    while r + 2 <= rows {
        var t = 0
        while t + 4 <= tokens { pair(r, t); t += 4 }
        while t < tokens { one(r, t); one(r + 1, t); t += 1 }
        r += 2
    }
    if r < rows { tokenGroups(1, tokens, { _, t in four(r, t) }, { _, t in one(r, t) }) }
}

/// Q4_0 weights (18-byte blocks: d, nibbles; x = d·(q − 8)) · Q8_0 activations (34-byte blocks).
/// The nibbles stay unsigned: Σ(q − 8)·y = byteDot(q, y) − byteDot(8, y), the second term once per token and
/// block (shared by the tile's rows) and used as the accumulator of the first (one vpdpbusd on VNNI), so no
/// per-dot vpsignb is needed. Integer sums are exact as before.
/// Tokens in groups of 4 are the outer loop so the tile's weight rows and the 4 activation rows stay in L1.
func tileQ4_0(_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int, _ a: UnsafeRawPointer, _ aRowBytes: Int,
              _ tokens: Int, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, _ outStride: Int) {
    let eights = SIMD32<UInt8>(repeating: 8)
    @inline(__always) func scale(_ row: UnsafeRawPointer, _ b: Int) -> Float {
        row.load(fromByteOffset: blocks * 34 + 4 * b, as: Float.self)
    }
    // One (row, token) block product: acc + d_w·d_y·(byteDot(q, y) − byteDot(8, y)).
    @inline(__always) func step(_ acc: SIMD8<Float>, _ q: SIMD32<UInt8>, _ dx: Float, _ y: UnsafeRawPointer,
                                _ o: Int, _ dy: Float, _ corr: SIMD8<Int32>) -> SIMD8<Float> {
        fma(acc, dx * dy, byteDotAdd(SIMD8<Int32>() &- corr, q, y.loadUnaligned(fromByteOffset: o + 2, as: SIMD32<Int8>.self)))
    }
    @inline(__always) func corr(_ y: UnsafeRawPointer, _ o: Int) -> SIMD8<Int32> {
        byteDot(eights, y.loadUnaligned(fromByteOffset: o + 2, as: SIMD32<Int8>.self))
    }
    // Paired accumulator: lanes 0, 1, 4, 5 hold row r, lanes 2, 3, 6, 7 row r + 1.
    @inline(__always) func storePair(_ r: Int, _ t: Int, _ c: SIMD8<Float>) {
        let h = c.lowHalf + c.highHalf
        out[t * outStride + r] = h[0] + h[1]; out[t * outStride + r + 1] = h[2] + h[3]
    }
    var t = 0
    while t + 4 <= tokens {
        let y0 = a + t * aRowBytes, y1 = y0 + aRowBytes, y2 = y1 + aRowBytes, y3 = y2 + aRowBytes
        var r = 0
        // 4 rows × 4 tokens, rows paired as below (8 accumulators; AVX-512 only, see wideRowTile).
        while wideRowTile && r + 4 <= rows {
            let wa = w + r * wRowBytes, wb = wa + wRowBytes, wc = wb + wRowBytes, wd = wc + wRowBytes
            var c0 = SIMD8<Float>(), c1 = c0, c2 = c0, c3 = c0, e0 = c0, e1 = c0, e2 = c0, e3 = c0
            for b in 0..<blocks {
                let xa = wa + b * 18, xb = wb + b * 18, xc = wc + b * 18, xd = wd + b * 18, o = b * 34
                let qa = nibbles(xa + 2), qb = nibbles(xb + 2), qc = nibbles(xc + 2), qd = nibbles(xd + 2)
                let da = half(xa, 0), db = half(xb, 0), dc = half(xc, 0), dd = half(xd, 0)
                let dab = SIMD8<Float>(da, da, db, db, da, da, db, db), dcd = SIMD8<Float>(dc, dc, dd, dd, dc, dc, dd, dd)
                @inline(__always) func four(_ c: inout SIMD8<Float>, _ e: inout SIMD8<Float>, _ y: UnsafeRawPointer) {
                    let yq = y.loadUnaligned(fromByteOffset: o + 2, as: SIMD32<Int8>.self)
                    let dy = SIMD8<Float>(repeating: scale(y, b))
                    let p = q4PairDot(qa, qb, yq), q = q4PairDot(qc, qd, yq)
                    c = c.addingProduct(dab * dy, SIMD8<Float>(p))
                    e = e.addingProduct(dcd * dy, SIMD8<Float>(q))
                }
                four(&c0, &e0, y0); four(&c1, &e1, y1); four(&c2, &e2, y2); four(&c3, &e3, y3)
            }
            storePair(r, t, c0); storePair(r, t + 1, c1); storePair(r, t + 2, c2); storePair(r, t + 3, c3)
            storePair(r + 2, t, e0); storePair(r + 2, t + 1, e1); storePair(r + 2, t + 2, e2); storePair(r + 2, t + 3, e3)
            r += 4
        }
        // 2 rows × 4 tokens: both rows' integer lanes are paired (q4PairDot) so one convert and one FMA with the
        // scale vector (d_a, d_a, d_b, d_b, …)·d_y serve two block products.
        while r + 2 <= rows {
            let wa = w + r * wRowBytes, wb = wa + wRowBytes
            var c0 = SIMD8<Float>(), c1 = c0, c2 = c0, c3 = c0
            for b in 0..<blocks {
                let xa = wa + b * 18, xb = wb + b * 18, o = b * 34
                let qa = nibbles(xa + 2), qb = nibbles(xb + 2), da = half(xa, 0), db = half(xb, 0)
                let dab = SIMD8<Float>(da, da, db, db, da, da, db, db)
                @inline(__always) func both(_ c: inout SIMD8<Float>, _ y: UnsafeRawPointer) {
                    let yq = y.loadUnaligned(fromByteOffset: o + 2, as: SIMD32<Int8>.self), dy = scale(y, b)
                    let p = q4PairDot(qa, qb, yq)
                    c = c.addingProduct(dab * SIMD8<Float>(repeating: dy), SIMD8<Float>(p))
                }
                both(&c0, y0); both(&c1, y1); both(&c2, y2); both(&c3, y3)
            }
            storePair(r, t, c0); storePair(r, t + 1, c1); storePair(r, t + 2, c2); storePair(r, t + 3, c3)
            r += 2
        }
        if r < rows {
            let wr = w + r * wRowBytes
            var c0 = SIMD8<Float>(), c1 = c0, c2 = c0, c3 = c0
            for b in 0..<blocks {
                let x = wr + b * 18, o = b * 34, q = nibbles(x + 2), dx = half(x, 0)
                c0 = step(c0, q, dx, y0, o, scale(y0, b), corr(y0, o))
                c1 = step(c1, q, dx, y1, o, scale(y1, b), corr(y1, o))
                c2 = step(c2, q, dx, y2, o, scale(y2, b), corr(y2, o))
                c3 = step(c3, q, dx, y3, o, scale(y3, b), corr(y3, o))
            }
            out[t * outStride + r] = hsum8(c0); out[(t + 1) * outStride + r] = hsum8(c1)
            out[(t + 2) * outStride + r] = hsum8(c2); out[(t + 3) * outStride + r] = hsum8(c3)
        }
        t += 4
    }
    while t < tokens {
        let y0 = a + t * aRowBytes
        var r = 0
        while r + 2 <= rows {   // leftover tokens (decode, output logits): rows still paired
            let wa = w + r * wRowBytes, wb = wa + wRowBytes
            var c0 = SIMD8<Float>()
            for b in 0..<blocks {
                let xa = wa + b * 18, xb = wb + b * 18, dy = SIMD8<Float>(repeating: scale(y0, b))
                let dab = SIMD8<Float>(half(xa, 0), half(xa, 0), half(xb, 0), half(xb, 0),
                                       half(xa, 0), half(xa, 0), half(xb, 0), half(xb, 0))
                let p = q4PairDot(nibbles(xa + 2), nibbles(xb + 2), y0.loadUnaligned(fromByteOffset: b * 34 + 2, as: SIMD32<Int8>.self))
                c0 = c0.addingProduct(dab * dy, SIMD8<Float>(p))
            }
            storePair(r, t, c0)
            r += 2
        }
        if r < rows {
            let wr = w + r * wRowBytes
            var c0 = SIMD8<Float>()
            for b in 0..<blocks {
                let x = wr + b * 18, o = b * 34
                c0 = step(c0, nibbles(x + 2), half(x, 0), y0, o, scale(y0, b), corr(y0, o))
            }
            out[t * outStride + r] = hsum8(c0)
        }
        t += 1
    }
}

/// Q4_1 weights (20-byte blocks: d, m, nibbles; x = d·q + m) · Q8_1 activations (36-byte blocks: d, s = d·Σq, int8).
func tileQ4_1(_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int, _ a: UnsafeRawPointer, _ aRowBytes: Int,
              _ tokens: Int, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, _ outStride: Int) {
    // Activation rows: blocks, then (d, s) per block as Float.
    @inline(__always) func ds(_ row: UnsafeRawPointer, _ b: Int) -> SIMD2<Float> {
        row.loadUnaligned(fromByteOffset: blocks * 36 + 8 * b, as: SIMD2<Float>.self)
    }
    @inline(__always) func step(_ acc: inout SIMD8<Float>, _ mins: inout Float, _ q: SIMD32<UInt8>, _ dx: Float, _ mx: Float,
                                _ row: UnsafeRawPointer, _ b: Int) {
        let sc = ds(row, b)
        mins += mx * sc[1]
        acc = fma(acc, dx * sc[0], byteDot(q, row.loadUnaligned(fromByteOffset: b * 36 + 4, as: SIMD32<Int8>.self)))
    }
    rowPairGroups(rows, tokens, { r, t in
        let wa = w + r * wRowBytes, wb = wa + wRowBytes, y0 = a + t * aRowBytes
        let y1 = y0 + aRowBytes, y2 = y1 + aRowBytes, y3 = y2 + aRowBytes
        var c0 = SIMD8<Float>(), c1 = c0, c2 = c0, c3 = c0, e0 = c0, e1 = c0, e2 = c0, e3 = c0
        var m = SIMD8<Float>()   // lanes 0…3: row r, tokens t…t+3; lanes 4…7: row r+1
        for b in 0..<blocks {
            let xa = wa + b * 20, xb = wb + b * 20, o = b * 36
            let qa = nibbles(xa + 4), qb = nibbles(xb + 4)
            let da = half(xa, 0), db = half(xb, 0)
            let ma = half(xa, 2), mb = half(xb, 2)
            @inline(__always) func both(_ c: inout SIMD8<Float>, _ e: inout SIMD8<Float>, _ y: UnsafeRawPointer) -> Float {
                let yq = y.loadUnaligned(fromByteOffset: o + 4, as: SIMD32<Int8>.self), sc = ds(y, b)
                c = fma(c, da * sc[0], byteDot(qa, yq))
                e = fma(e, db * sc[0], byteDot(qb, yq))
                return sc[1]
            }
            let s0 = both(&c0, &e0, y0), s1 = both(&c1, &e1, y1), s2 = both(&c2, &e2, y2), s3 = both(&c3, &e3, y3)
            let s4 = SIMD4<Float>(s0, s1, s2, s3)
            m += SIMD8<Float>(lowHalf: s4 * ma, highHalf: s4 * mb)
        }
        out[t * outStride + r] = hsum8(c0) + m[0]; out[(t + 1) * outStride + r] = hsum8(c1) + m[1]
        out[(t + 2) * outStride + r] = hsum8(c2) + m[2]; out[(t + 3) * outStride + r] = hsum8(c3) + m[3]
        out[t * outStride + r + 1] = hsum8(e0) + m[4]; out[(t + 1) * outStride + r + 1] = hsum8(e1) + m[5]
        out[(t + 2) * outStride + r + 1] = hsum8(e2) + m[6]; out[(t + 3) * outStride + r + 1] = hsum8(e3) + m[7]
    }, { r, t in
        let wr = w + r * wRowBytes, y0 = a + t * aRowBytes
        let y1 = y0 + aRowBytes, y2 = y1 + aRowBytes, y3 = y2 + aRowBytes
        var c0 = SIMD8<Float>(), c1 = c0, c2 = c0, c3 = c0
        var m0: Float = 0, m1: Float = 0, m2: Float = 0, m3: Float = 0
        for b in 0..<blocks {
            let x = wr + b * 20
            let q = nibbles(x + 4), dx = half(x, 0), mx = half(x, 2)
            step(&c0, &m0, q, dx, mx, y0, b); step(&c1, &m1, q, dx, mx, y1, b)
            step(&c2, &m2, q, dx, mx, y2, b); step(&c3, &m3, q, dx, mx, y3, b)
        }
        out[t * outStride + r] = hsum8(c0) + m0; out[(t + 1) * outStride + r] = hsum8(c1) + m1
        out[(t + 2) * outStride + r] = hsum8(c2) + m2; out[(t + 3) * outStride + r] = hsum8(c3) + m3
    }, { r, t in
        let wr = w + r * wRowBytes, y0 = a + t * aRowBytes
        var c0 = SIMD8<Float>(), m0: Float = 0
        for b in 0..<blocks {
            let x = wr + b * 20
            step(&c0, &m0, nibbles(x + 4), half(x, 0), half(x, 2), y0, b)
        }
        out[t * outStride + r] = hsum8(c0) + m0
    })
}

/// Q8_0 weights · Q8_0 activations (34-byte blocks: d, 32 × int8).
func tileQ8_0(_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int, _ a: UnsafeRawPointer, _ aRowBytes: Int,
              _ tokens: Int, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, _ outStride: Int) {
    @inline(__always) func unpack(_ x: UnsafeRawPointer) -> (SIMD32<Int8>, SIMD32<UInt8>, Float) {
        let q = x.loadUnaligned(fromByteOffset: 2, as: SIMD32<Int8>.self)
        return (q, unsafeBitCast(signBy(q, q), to: SIMD32<UInt8>.self), half(x, 0))
    }
    // y = block start; dy = its Float scale from the row's tail (activation rows: blocks, then Float scales).
    @inline(__always) func step(_ acc: SIMD8<Float>, _ u: (SIMD32<Int8>, SIMD32<UInt8>, Float), _ y: UnsafeRawPointer,
                                _ dy: Float) -> SIMD8<Float> {
        fma(acc, u.2 * dy, byteDot(u.1, signBy(y.loadUnaligned(fromByteOffset: 2, as: SIMD32<Int8>.self), u.0)))
    }
    @inline(__always) func scale(_ row: UnsafeRawPointer, _ b: Int) -> Float {
        row.load(fromByteOffset: blocks * 34 + 4 * b, as: Float.self)
    }
    tokenGroups(rows, tokens, { r, t in
        let wr = w + r * wRowBytes, y0 = a + t * aRowBytes
        let y1 = y0 + aRowBytes, y2 = y1 + aRowBytes, y3 = y2 + aRowBytes
        var c0 = SIMD8<Float>(), c1 = c0, c2 = c0, c3 = c0
        for b in 0..<blocks {
            let u = unpack(wr + b * 34), o = b * 34
            c0 = step(c0, u, y0 + o, scale(y0, b)); c1 = step(c1, u, y1 + o, scale(y1, b))
            c2 = step(c2, u, y2 + o, scale(y2, b)); c3 = step(c3, u, y3 + o, scale(y3, b))
        }
        out[t * outStride + r] = hsum8(c0); out[(t + 1) * outStride + r] = hsum8(c1)
        out[(t + 2) * outStride + r] = hsum8(c2); out[(t + 3) * outStride + r] = hsum8(c3)
    }, { r, t in
        let wr = w + r * wRowBytes, y0 = a + t * aRowBytes
        var c0 = SIMD8<Float>()
        for b in 0..<blocks { c0 = step(c0, unpack(wr + b * 34), y0 + b * 34, scale(y0, b)) }
        out[t * outStride + r] = hsum8(c0)
    })
}

/// Q6_K weights (210-byte blocks of 256) · Q8_K activations (292-byte blocks: f32 d, int8, int16 sums).
/// Values are used unsigned (0…63) and the −32 offset removed per vector, in ggml's AVX2 order.
func tileQ6_K(_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int, _ a: UnsafeRawPointer, _ aRowBytes: Int,
                     _ tokens: Int, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, _ outStride: Int) {
    for r in 0..<rows {
        let wr = w + r * wRowBytes
        for t in 0..<tokens {
            let ar = a + t * aRowBytes
            var acc = SIMD8<Float>()
            let m32 = SIMD32<UInt8>(repeating: 32)
            for b in 0..<blocks {
                let x = wr + b * 210, y = ar + b * 292
                var sumi = SIMD8<Int32>()
                for h in 0..<2 {
                    let ql0 = x.loadUnaligned(fromByteOffset: 64 * h, as: SIMD32<UInt8>.self)
                    let ql1 = x.loadUnaligned(fromByteOffset: 64 * h + 32, as: SIMD32<UInt8>.self)
                    let qh = x.loadUnaligned(fromByteOffset: 128 + 32 * h, as: SIMD32<UInt8>.self)
                    let q0 = (ql0 & 0xF) | ((qh & 3) &<< 4)
                    let q1 = (ql1 & 0xF) | (((qh &>> 2) & 3) &<< 4)
                    let q2 = (ql0 &>> 4) | (((qh &>> 4) & 3) &<< 4)
                    let q3 = (ql1 &>> 4) | (((qh &>> 6) & 3) &<< 4)
                    @inline(__always) func chunk(_ q: SIMD32<UInt8>, _ k: Int) -> SIMD8<Int32> {
                        let e = 128 * h + 32 * k          // first element of this 32-element chunk
                        let yv = y.loadUnaligned(fromByteOffset: 4 + e, as: SIMD32<Int8>.self)
                        let s0 = Int16(x.load(fromByteOffset: 192 + e / 16, as: Int8.self))
                        let s1 = Int16(x.load(fromByteOffset: 193 + e / 16, as: Int8.self))
                        let scales = SIMD16<Int16>(lowHalf: SIMD8(repeating: s0), highHalf: SIMD8(repeating: s1))
                        // (q − 32)·y as ggml: maddubs(q, y) − maddubs(32, y), then scale pairs.
                        return words(bytePairs(q, yv) &- bytePairs(m32, yv), scales)
                    }
                    sumi &+= chunk(q0, 0); sumi &+= chunk(q1, 1); sumi &+= chunk(q2, 2); sumi &+= chunk(q3, 3)
                }
                acc = fma(acc, y.loadUnaligned(as: Float.self) * half(x, 208), sumi)
            }
            out[t * outStride + r] = hsum8(acc)
        }
    }
}

/// F16 weights · F16 activations (blocks = elements), Float accumulation.
func tileF16(_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int, _ a: UnsafeRawPointer, _ aRowBytes: Int,
                    _ tokens: Int, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, _ outStride: Int) {
    for r in 0..<rows {
        let wr = w + r * wRowBytes
        for t in 0..<tokens {
            let ar = a + t * aRowBytes
            var acc = SIMD8<Float>()
            var j = 0
            while j + 8 <= blocks {
                let x = SIMD8<Float>(wr.loadUnaligned(fromByteOffset: 2 * j, as: SIMD8<Float16>.self))
                let y = SIMD8<Float>(ar.loadUnaligned(fromByteOffset: 2 * j, as: SIMD8<Float16>.self))
                acc = acc.addingProduct(x, y)
                j += 8
            }
            var s = acc.sum()
            while j < blocks { s += half(wr, 2 * j) * half(ar, 2 * j); j += 1 }
            out[t * outStride + r] = s
        }
    }
}

/// F32 weights · F32 activations.
func tileF32(_ w: UnsafeRawPointer, _ wRowBytes: Int, _ rows: Int, _ a: UnsafeRawPointer, _ aRowBytes: Int,
                    _ tokens: Int, _ blocks: Int, _ out: UnsafeMutablePointer<Float>, _ outStride: Int) {
    for r in 0..<rows {
        let wr = w + r * wRowBytes
        for t in 0..<tokens {
            let ar = a + t * aRowBytes
            var acc = SIMD8<Float>()
            var j = 0
            while j + 8 <= blocks {
                acc = acc.addingProduct(wr.loadUnaligned(fromByteOffset: 4 * j, as: SIMD8<Float>.self),
                                        ar.loadUnaligned(fromByteOffset: 4 * j, as: SIMD8<Float>.self))
                j += 8
            }
            var s = acc.sum()
            while j < blocks {
                s += wr.loadUnaligned(fromByteOffset: 4 * j, as: Float.self) * ar.loadUnaligned(fromByteOffset: 4 * j, as: Float.self)
                j += 1
            }
            out[t * outStride + r] = s
        }
    }
}
