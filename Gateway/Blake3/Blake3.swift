// One-shot BLAKE3 entry points for the three modes of §2.3: hash, keyed_hash, derive_key.

public enum Blake3 {
    /// `hash` of a byte buffer. Inputs of at most one chunk (1024 bytes) take a short path that
    /// needs no chaining-value stack (the whole input is the root chunk, §2.4).
    public static func hash(_ buffer: UnsafeRawBufferPointer) -> Blake3Digest {
        if buffer.count <= Blake3Constants.chunkLength {
            return Blake3Digest(words: hashRootChunk(buffer.baseAddress, buffer.count, key: Blake3Constants.iv, flags: 0))
        }
        var h = Blake3Hasher()
        h.update(buffer)
        return h.finalize()
    }

    public static func hash(_ bytes: [UInt8]) -> Blake3Digest {
        bytes.withUnsafeBytes { hash($0) }
    }

    /// `hash` of a string's UTF-8 bytes.
    public static func hash(_ string: String) -> Blake3Digest {
        var h = Blake3Hasher()
        h.update(string)
        return h.finalize()
    }

    /// `keyed_hash` (a MAC / PRF) under a 32-byte key.
    public static func keyedHash(key: Blake3Digest, _ bytes: [UInt8]) -> Blake3Digest {
        var h = Blake3Hasher(key: key)
        h.update(bytes)
        return h.finalize()
    }

    /// `derive_key`: a 32-byte key from a hardcoded, globally unique context string and key material.
    public static func deriveKey(context: String, material: [UInt8]) -> Blake3Digest {
        var h = Blake3Hasher(deriveKeyContext: context)
        h.update(material)
        return h.finalize()
    }
}
