// The forward pass of one prefill chunk, top to bottom: embed → per layer (RMSNorm, Q/K/V, RoPE, KV store,
// causal GQA attention, output projection, residual, RMSNorm, SwiGLU FFN, residual) → final norm → logits.
extension Transformer {
    func forward(_ tokens: UnsafePointer<Int32>, _ n: Int, logitsFor all: UnsafeMutablePointer<Float>?,
                 lastOnly: Bool, skipOutput: Bool) {
        let c = config, s = scratch, d = c.embedding

        // ---- Token embedding (rows of token_embd dequantized to Float) ----
        for t in 0..<n {
            dequantizeRow(weights.tokenEmbedding, Int(tokens[t]), into: s.x + t * d)
        }

        for l in 0..<c.layers {
            let w = weights.layers[l]

            // ---- Attention block ----
            rmsNorm(s.x, into: s.xn, rows: n, weight: w.attnNorm)
            var prepared: ActivationFormat? = nil
            project(w.wq, input: s.xn, rows: n, out: s.q, prepared: &prepared)
            project(w.wk, input: s.xn, rows: n, out: s.k, prepared: &prepared)
            project(w.wv, input: s.xn, rows: n, out: s.v, prepared: &prepared)
            if let b = w.bq { addBias(s.q, b, rows: n, cols: c.qDim) }
            if let b = w.bk { addBias(s.k, b, rows: n, cols: c.kvDim) }
            if let b = w.bv { addBias(s.v, b, rows: n, cols: c.kvDim) }
            for t in 0..<n {
                let pos = count + t
                rope.apply(s.q + t * c.qDim, heads: c.heads, headDim: c.headDim, pos: pos)
                rope.apply(s.k + t * c.kvDim, heads: c.kvHeads, headDim: c.headDim, pos: pos)
                let kd = kv.key(layer: l, pos: pos), vd = kv.value(layer: l, pos: pos)
                for i in 0..<c.kvDim {
                    kd[i] = roundToHalf(s.k[t * c.kvDim + i])
                    vd[i] = roundToHalf(s.v[t * c.kvDim + i])
                }
            }
            attention(layer: l, rows: n)
            prepared = nil
            project(w.wo, input: s.att, rows: n, out: s.xn, prepared: &prepared)
            addInPlace(s.x, s.xn, count: n * d)

            // ---- Feed-forward block (SwiGLU) ----
            rmsNorm(s.x, into: s.xn, rows: n, weight: w.ffnNorm)
            prepared = nil
            project(w.wGate, input: s.xn, rows: n, out: s.gate, prepared: &prepared)
            project(w.wUp, input: s.xn, rows: n, out: s.up, prepared: &prepared)
            swiGLU(s.gate, s.up, count: n * c.feedForward)
            prepared = nil
            project(w.wDown, input: s.gate, rows: n, out: s.xn, prepared: &prepared)
            addInPlace(s.x, s.xn, count: n * d)
        }
        count += n
        if skipOutput { return }

        // ---- Output head ----
        if lastOnly {
            headLogits(row: n - 1)
        } else if let all {
            var prepared: ActivationFormat? = nil
            rmsNorm(s.x, into: s.xn, rows: n, weight: weights.outputNorm)
            project(weights.output, input: s.xn, rows: n, out: all, prepared: &prepared)
            s.logits.update(from: all + (n - 1) * c.vocab, count: c.vocab)
        }
    }

    /// The output head for one row of the last chunk's hidden states: its logits into `scratch.logits`.
    func headLogits(row t: Int) {
        var prepared: ActivationFormat? = nil
        rmsNorm(scratch.x + t * config.embedding, into: scratch.xn, rows: 1, weight: weights.outputNorm)
        project(weights.output, input: scratch.xn, rows: 1, out: scratch.logits, prepared: &prepared)
    }

    /// Causal grouped-query attention of the chunk's rows against the cache (positions 0…count+t).
    func attention(layer l: Int, rows n: Int) {
        let c = config, s = scratch, hd = c.headDim
        let group = c.heads / c.kvHeads
        let scale = 1 / Float(hd).squareRoot()
        let simdAttention = kernels.tier != .reference && hd % 8 == 0
        for t in 0..<n {
            let pos = count + t
            for h in 0..<c.heads {
                let qv = s.q + t * c.qDim + h * hd
                for i in 0..<hd { s.qh[i] = roundToHalf(qv[i]) }
                let kvOff = (h / group) * hd
                let out = s.att + t * c.qDim + h * hd
                if simdAttention {
                    switch kernels.tier {
                    case .avx512: avx512AttendHead(s.qh, kv.key(layer: l, pos: 0) + kvOff, kv.value(layer: l, pos: 0) + kvOff,
                                                   c.kvDim, pos + 1, hd, scale, s.scores, out)
                    default: avx2AttendHead(s.qh, kv.key(layer: l, pos: 0) + kvOff, kv.value(layer: l, pos: 0) + kvOff,
                                            c.kvDim, pos + 1, hd, scale, s.scores, out)
                    }
                    continue
                }
                var mx = -Float.infinity
                for j in 0...pos {
                    let sc = dotFloat(s.qh, kv.key(layer: l, pos: j) + kvOff, hd) * scale
                    s.scores[j] = sc
                    mx = max(mx, sc)
                }
                var sum = 0.0
                for j in 0...pos {
                    let e = FloatMath.exp(s.scores[j] - mx)
                    s.scores[j] = e
                    sum += Double(e)
                }
                let inv = Float(1 / sum)
                out.update(repeating: 0, count: hd)
                for j in 0...pos {
                    let p = roundToHalf(s.scores[j] * inv)
                    axpy(p, kv.value(layer: l, pos: j) + kvOff, out, hd)
                }
            }
        }
    }

    /// gate = silu(gate) ⊙ up.
    func swiGLU(_ gate: UnsafeMutablePointer<Float>, _ up: UnsafePointer<Float>, count: Int) {
        if kernels.tier != .reference && count % 8 == 0 {
            if kernels.tier == .avx512 { avx512Swiglu(gate, up, count) } else { avx2Swiglu(gate, up, count) }
            return
        }
        for i in 0..<count {
            let g = gate[i]
            gate[i] = g / (1 + FloatMath.exp(-g)) * up[i]
        }
    }

    /// out = W · input for `rows` tokens; the input is (re)quantized only when the format changes.
    func project(_ w: WeightMatrix, input: UnsafeMutablePointer<Float>, rows n: Int,
                 out: UnsafeMutablePointer<Float>, prepared: inout ActivationFormat?) {
        let fmt = ActivationFormat(weight: w.type)
        let aRowBytes = fmt.rowBytes(w.cols)
        if prepared != fmt {
            for t in 0..<n { kernels.quantize(fmt, input + t * w.cols, scratch.act + t * aRowBytes, count: w.cols) }
            prepared = fmt
        }
        let kernel = kernels.tile(for: w.type)
        let blocks = w.cols / w.type.blockSize
        let tileRows = 16
        var r = 0
        while r < w.rows {
            let nr = min(tileRows, w.rows - r)
            kernel(w.row(r), w.rowBytes, nr, scratch.act, aRowBytes, n, blocks, out + r, w.rows)
            r += nr
        }
    }

    /// ggml_rms_norm (sum of squares in Double) followed by the element-wise weight.
    func rmsNorm(_ x: UnsafeMutablePointer<Float>, into y: UnsafeMutablePointer<Float>, rows n: Int,
                 weight: UnsafePointer<Float>) {
        let d = config.embedding
        for t in 0..<n {
            let xr = x + t * d, yr = y + t * d
            var sum = 0.0
            for i in 0..<d { sum += Double(xr[i] * xr[i]) }
            let mean = Float(sum / Double(d))
            let scale = 1 / (mean + config.rmsEpsilon).squareRoot()
            for i in 0..<d { yr[i] = (xr[i] * scale) * weight[i] }
        }
    }

    func dequantizeRow(_ m: WeightMatrix, _ r: Int, into dst: UnsafeMutablePointer<Float>) {
        let src = m.row(r)
        switch m.type {
        case .q4_0: ReferenceQuants.dequantizeQ4_0(src, dst, count: m.cols)
        case .q4_1: ReferenceQuants.dequantizeQ4_1(src, dst, count: m.cols)
        case .q8_0: ReferenceQuants.dequantizeQ8_0(src, dst, count: m.cols)
        case .q6_K: ReferenceQuants.dequantizeQ6_K(src, dst, count: m.cols)
        case .f16: ReferenceQuants.dequantizeF16(src, dst, count: m.cols)
        default: ReferenceQuants.dequantizeF32(src, dst, count: m.cols)
        }
    }
}

@inline(__always)
func addBias(_ x: UnsafeMutablePointer<Float>, _ b: UnsafePointer<Float>, rows: Int, cols: Int) {
    for t in 0..<rows { for i in 0..<cols { x[t * cols + i] += b[i] } }
}

@inline(__always)
func addInPlace(_ x: UnsafeMutablePointer<Float>, _ y: UnsafePointer<Float>, count: Int) {
    for i in 0..<count { x[i] += y[i] }
}

/// Float dot product with eight independent lanes (vectorizes without reassociation).
@inline(__always)
func dotFloat(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
    var acc = SIMD8<Float>()
    var i = 0
    while i + 8 <= n {
        acc += UnsafeRawPointer(a + i).loadUnaligned(as: SIMD8<Float>.self) * UnsafeRawPointer(b + i).loadUnaligned(as: SIMD8<Float>.self)
        i += 8
    }
    var s = acc.sum()
    while i < n { s += a[i] * b[i]; i += 1 }
    return s
}

/// y += a·x
@inline(__always)
func axpy(_ a: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int) {
    for i in 0..<n { y[i] += a * x[i] }
}
