// Per-layer key/value cache, (capacity, kvHeads·hd) each. Values are stored as Float already rounded
// through binary16 (what llama.cpp's F16 cache holds), trading 2× memory for conversion-free attention.
final class KVCache {
    let keys: UnsafeMutablePointer<Float>
    let values: UnsafeMutablePointer<Float>
    let layerStride: Int
    let rowStride: Int

    init(config c: ModelConfig, capacity: Int) {
        rowStride = c.kvDim
        layerStride = capacity * c.kvDim
        let n = c.layers * layerStride
        keys = .allocate(capacity: n); keys.initialize(repeating: 0, count: n)
        values = .allocate(capacity: n); values.initialize(repeating: 0, count: n)
    }

    deinit { keys.deallocate(); values.deallocate() }

    @inline(__always) func key(layer: Int, pos: Int) -> UnsafeMutablePointer<Float> { keys + layer * layerStride + pos * rowStride }
    @inline(__always) func value(layer: Int, pos: Int) -> UnsafeMutablePointer<Float> { values + layer * layerStride + pos * rowStride }

    /// Bytes a cache of this shape occupies.
    static func bytes(config c: ModelConfig, capacity: Int) -> Int { 2 * c.layers * capacity * c.kvDim * 4 }
}
