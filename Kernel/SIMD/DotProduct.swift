// AVX2 + FMA kernels, compiled as module KernelSIMD with `-target-cpu haswell`. Call only after
// CPUFeatures reports avx2 && fma (the kernel itself is built for baseline x86-64).

/// Σ a[i]·b[i] over `count` elements (a multiple of 8): eight FMA lanes, then lanes summed in order 0...7.
public func dotProductAVX2(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ count: Int) -> Float {
    var acc = SIMD8<Float>(repeating: 0)
    var i = 0
    while i + 8 <= count {
        let x = UnsafeRawPointer(a + i).loadUnaligned(as: SIMD8<Float>.self)
        let y = UnsafeRawPointer(b + i).loadUnaligned(as: SIMD8<Float>.self)
        acc = acc.addingProduct(x, y)
        i += 8
    }
    var sum: Float = 0
    for lane in 0..<8 { sum += acc[lane] }
    return sum
}
