// One tensor's description from the GGUF tensor-info table, with its absolute data location.

public struct GGUFTensorInfo: Equatable {
    /// Tensor name, e.g. "blk.0.attn_q.weight".
    public let name: String
    /// Dimensions in ggml order: shape[0] = ne0 is the row length (contiguous), then ne1, ….
    public let shape: [Int]
    /// Element type of the data.
    public let type: GGMLType
    /// Absolute byte offset of the data in the file (data-section start + stored offset).
    public let offset: Int
    /// Size of the data in bytes.
    public let byteCount: Int

    /// Total number of elements (product of `shape`; validated not to overflow).
    public var elementCount: Int { shape.reduce(1, *) }
    /// Number of rows (product of all dimensions after ne0).
    public var rowCount: Int { shape.dropFirst().reduce(1, *) }
    /// Bytes per row of ne0 elements.
    public var rowBytes: Int { shape[0] / type.blockSize * type.bytesPerBlock }
}
