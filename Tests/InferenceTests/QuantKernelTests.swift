// Quantization round trips and the fast kernel tiers against the reference tier, with explicit bounds.
import Testing
@testable import Inference

/// Deterministic pseudo-random numbers (xorshift64*), so failures reproduce.
struct TestRNG {
    var state: UInt64
    mutating func next() -> UInt64 {
        state ^= state >> 12; state ^= state << 25; state ^= state >> 27
        return state &* 2685821657736338717
    }
    mutating func float() -> Float { Float(next() >> 40) / Float(1 << 24) * 2 - 1 }
    mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next() >> 33) }
}

/// Random but valid weight rows of a type: random payload bytes with sane f16 scales.
func randomWeights(_ type: GGMLType, rows: Int, cols: Int, rng: inout TestRNG) -> [UInt8] {
    let rowBytes = cols / type.blockSize * type.bytesPerBlock
    var bytes = [UInt8](repeating: 0, count: rows * rowBytes)
    for i in bytes.indices { bytes[i] = rng.byte() }
    bytes.withUnsafeMutableBytes { p in
        let blocks = rows * cols / type.blockSize
        for b in 0..<blocks {
            let blk = p.baseAddress! + b * type.bytesPerBlock
            switch type {
            case .q4_0, .q8_0: blk.storeBytes(of: floatToHalf(0.01 + 0.02 * abs(rng.float())), as: UInt16.self)
            case .q4_1:
                blk.storeBytes(of: floatToHalf(0.01 + 0.02 * abs(rng.float())), as: UInt16.self)
                blk.storeBytes(of: floatToHalf(-0.1 * abs(rng.float())), toByteOffset: 2, as: UInt16.self)
            case .q6_K: blk.storeBytes(of: floatToHalf(0.0002 * (1 + abs(rng.float()))), toByteOffset: 208, as: UInt16.self)
            case .f16: blk.storeBytes(of: floatToHalf(rng.float()), as: UInt16.self)
            default: blk.storeBytes(of: rng.float(), as: Float.self)
            }
        }
    }
    return bytes
}

func dequantize(_ type: GGMLType, _ src: UnsafeRawPointer, _ dst: UnsafeMutablePointer<Float>, count: Int) {
    switch type {
    case .q4_0: ReferenceQuants.dequantizeQ4_0(src, dst, count: count)
    case .q4_1: ReferenceQuants.dequantizeQ4_1(src, dst, count: count)
    case .q8_0: ReferenceQuants.dequantizeQ8_0(src, dst, count: count)
    case .q6_K: ReferenceQuants.dequantizeQ6_K(src, dst, count: count)
    case .f16: ReferenceQuants.dequantizeF16(src, dst, count: count)
    default: ReferenceQuants.dequantizeF32(src, dst, count: count)
    }
}

let kernelTypes: [GGMLType] = [.q4_0, .q4_1, .q8_0, .q6_K, .f16, .f32]

@Test(arguments: kernelTypes)
func referenceDotEqualsDequantizedDot(type: GGMLType) {
    // The quantized dot must equal Σ dequant(w)·dequant(a) up to float rounding.
    var rng = TestRNG(state: 0x9E3779B97F4A7C15 ^ UInt64(type.rawValue))
    let cols = 512
    let w = randomWeights(type, rows: 1, cols: cols, rng: &rng)
    var x = (0..<cols).map { _ in rng.float() * 3 }
    let fmt = ActivationFormat(weight: type)
    var act = [UInt8](repeating: 0, count: fmt.rowBytes(cols))
    var wf = [Float](repeating: 0, count: cols), af = [Float](repeating: 0, count: cols)
    act.withUnsafeMutableBytes { a in fmt.quantize(&x, a.baseAddress!, count: cols) }
    w.withUnsafeBytes { dequantize(type, $0.baseAddress!, &wf, count: cols) }
    // Dequantize the activation blocks with the matching weight-format decoder (same layouts up to the header).
    act.withUnsafeBytes { a in
        let p = a.baseAddress!
        for j in 0..<cols {
            switch fmt {
            case .q8_0: af[j] = loadHalf(p, j / 32 * 34) * Float(p.load(fromByteOffset: j / 32 * 34 + 2 + j % 32, as: Int8.self))
            case .q8_1: af[j] = loadHalf(p, j / 32 * 36) * Float(p.load(fromByteOffset: j / 32 * 36 + 4 + j % 32, as: Int8.self))
            case .q8_K: af[j] = p.loadUnaligned(fromByteOffset: j / 256 * 292, as: Float.self)
                * Float(p.load(fromByteOffset: j / 256 * 292 + 4 + j % 256, as: Int8.self))
            case .f16: af[j] = loadHalf(p, 2 * j)
            case .f32: af[j] = p.loadUnaligned(fromByteOffset: 4 * j, as: Float.self)
            }
            // Activation rounding error is bounded by half a quantization step.
            let step: Float = fmt == .f32 ? 0 : (fmt == .f16 ? abs(x[j]) / 1024 : 3 * 3 / 127)
            #expect(abs(af[j] - x[j]) <= step / 2 + 1e-6)
        }
    }
    var want: Double = 0, mag: Double = 0
    for j in 0..<cols { want += Double(wf[j]) * Double(af[j]); mag += abs(Double(wf[j]) * Double(af[j])) }
    var got: Float = 0
    let k = QuantKernels(tier: .reference).tile(for: type)
    w.withUnsafeBytes { wp in act.withUnsafeBytes { ap in
        k(wp.baseAddress!, wp.count, 1, ap.baseAddress!, ap.count, 1, cols / type.blockSize, &got, 1)
    } }
    #expect(abs(Double(got) - want) <= 1e-5 * mag + 1e-6, "\(type.name): \(got) vs \(want)")
}

@Test(arguments: kernelTypes)
func simdTiersMatchReference(type: GGMLType) {
    let host = ModelFile.hostFeatures
    let tiers = KernelTier.allCases.filter { $0 != .reference && ($0 == .avx2 ? host.avx2 && host.fma : host.bestTier == .avx512) }
    var rng = TestRNG(state: 0xD1B54A32D192ED03 ^ UInt64(type.rawValue))
    let rows = 7, cols = 768, tokens = 6
    let w = randomWeights(type, rows: rows, cols: cols, rng: &rng)
    let fmt = ActivationFormat(weight: type)
    let aRow = fmt.rowBytes(cols)
    var act = [UInt8](repeating: 0, count: tokens * aRow)
    var x = (0..<(tokens * cols)).map { _ in rng.float() * 2 }
    act.withUnsafeMutableBytes { a in x.withUnsafeMutableBufferPointer { xp in
        for t in 0..<tokens { fmt.quantize(xp.baseAddress! + t * cols, a.baseAddress! + t * aRow, count: cols) }
    } }
    func run(_ tier: KernelTier) -> [Float] {
        var out = [Float](repeating: .nan, count: rows * tokens)
        let k = QuantKernels(tier: tier).tile(for: type)
        w.withUnsafeBytes { wp in act.withUnsafeBytes { ap in
            k(wp.baseAddress!, wp.count / rows, rows, ap.baseAddress!, aRow, tokens, cols / type.blockSize, &out, rows)
        } }
        return out
    }
    let ref = run(.reference)
    // Magnitude scale for the bound: Σ|w|·|a| per output, computed from dequantized weights.
    var wf = [Float](repeating: 0, count: rows * cols)
    w.withUnsafeBytes { wp in wf.withUnsafeMutableBufferPointer { fp in
        for r in 0..<rows { dequantize(type, wp.baseAddress! + r * (wp.count / rows), fp.baseAddress! + r * cols, count: cols) }
    } }
    for tier in tiers {
        let got = run(tier)
        for t in 0..<tokens {
            for r in 0..<rows {
                var mag: Float = 0
                for j in 0..<cols { mag += abs(wf[r * cols + j] * x[t * cols + j]) }
                // Integer block sums are exact; only the order of Float accumulation differs.
                let bound = 4e-6 * mag + 1e-6
                #expect(abs(got[t * rows + r] - ref[t * rows + r]) <= bound, "\(tier.name) \(type.name) r\(r) t\(t)")
            }
        }
    }
    #expect(!tiers.isEmpty || host.bestTier == .reference)
}

@Test(arguments: [ActivationFormat.q8_0, .q8_1])
func simdQuantizersAreByteIdentical(format: ActivationFormat) {
    var rng = TestRNG(state: 0xA5A5_5A5A_1234_5678)
    let cols = 1024
    var x = (0..<cols).map { _ in rng.float() * 4 }
    for j in stride(from: 0, to: 64, by: 1) { x[j] = 0 }                  // an all-zero block (amax = 0)
    x[100] = 127 * 0.5 / 127                                               // exact ties after scaling
    func run(_ tier: KernelTier) -> [UInt8] {
        var out = [UInt8](repeating: 0xEE, count: format.rowBytes(cols))
        out.withUnsafeMutableBytes { QuantKernels(tier: tier).quantize(format, &x, $0.baseAddress!, count: cols) }
        return out
    }
    let ref = run(.reference)
    for tier in hostTiers where tier != .reference { #expect(run(tier) == ref, "\(tier.name)") }
}
