// C-ABI entry points of the AVX-512 chunk and parent kernels. Blake3 binds it with @_extern(c) instead of importing
// this module, so no AVX-512 instruction is inlined into code compiled for the baseline CPU.

@_cdecl("warden_blake3_avx512_hash16")
public func blake3AVX512Hash16(_ input: UnsafeRawPointer, _ key: UnsafePointer<UInt32>, _ counter: UInt64,
                               _ flags: UInt32, _ out: UnsafeMutablePointer<UInt32>) {
    hashChunks16(input, key: key, counter: counter, flags: flags, out: out)
}

@_cdecl("warden_blake3_avx512_parents16")
public func blake3AVX512Parents16(_ blocks: UnsafeRawPointer, _ key: UnsafePointer<UInt32>, _ flags: UInt32,
                                  _ out: UnsafeMutablePointer<UInt32>) {
    hashParents16(blocks, key: key, flags: flags, out: out)
}
