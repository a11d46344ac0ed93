// Log-likelihood of a continuation after a context: Σ log P(continuation[i] | context, continuation[..<i])
// from the full-vocabulary softmax at each position. The context is prefilled in chunks as usual; the
// continuation's positions go through the output head one row at a time, so the only logits buffer is
// the engine's single vocab row (no tokens × vocab allocation; the kernel calls this per gated call).
extension Transformer {
    /// Log-likelihood (natural log) of `continuation` following `context`; the KV cache is reset first
    /// and holds context + continuation (minus its last token) afterwards. Both must be non-empty.
    public func logLikelihood(of continuation: [Int32], after context: [Int32]) throws(InferenceError) -> Double {
        guard !continuation.isEmpty else { throw .emptyInput }
        for t in continuation where t < 0 || Int(t) >= config.vocab { throw .tokenOutOfRange(t, vocab: config.vocab) }
        let needed = context.count + continuation.count - 1
        guard needed <= contextCap else { throw .contextFull(needed: needed, cap: contextCap) }
        truncate(to: 0)
        try prefill(context)                                // validates the context; leaves its last logits
        var total = Double(logits[Int(continuation[0])]) - logSumExp(logits)
        let fed = continuation.count - 1
        guard fed > 0 else { return total }
        try continuation.withUnsafeBufferPointer { (buf) throws(InferenceError) in
            var done = 0
            while done < fed {
                let n = min(batch, fed - done)
                forward(buf.baseAddress! + done, n, logitsFor: nil, lastOnly: false, skipOutput: true)
                for t in 0..<n {
                    headLogits(row: t)
                    total += Double(logits[Int(buf[done + t + 1])]) - logSumExp(logits)
                }
                done += n
            }
        }
        return total
    }
}
