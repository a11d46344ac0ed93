// Zero-copy GGUF v2/v3 reader over a memory region (GGUF spec, ggml/docs/gguf.md): header,
// typed metadata, tensor infos and data views, with every offset and size validated up front.

public struct GGUFFile {
    /// The whole file; the caller keeps it alive as long as this value and its views are used.
    public let bytes: UnsafeRawBufferPointer
    /// GGUF format version (2 or 3).
    public let version: UInt32
    /// Data alignment in bytes (`general.alignment`, default 32).
    public let alignment: Int
    /// Absolute offset of the tensor-data section.
    public let dataOffset: Int
    /// Metadata in file order.
    public let metadata: [(key: String, value: GGUFValue)]
    /// Tensor infos in file order.
    public let tensors: [GGUFTensorInfo]

    /// Default data alignment when `general.alignment` is absent (GGUF_DEFAULT_ALIGNMENT).
    public static let defaultAlignment = 32
    /// "GGUF" read as a little-endian uint32.
    public static let magic: UInt32 = 0x4655_4747

    /// Parses and validates the header, metadata and tensor infos; tensor data is not copied.
    public init(bytes: UnsafeRawBufferPointer) throws(GGUFError) {
        self.bytes = bytes
        var cursor = GGUFCursor(bytes: bytes, position: 0)

        // Header: magic, version, tensor count, metadata count.
        let magic = try cursor.read(UInt32.self)
        guard magic == GGUFFile.magic else { throw .badMagic(magic) }
        let version = try cursor.read(UInt32.self)
        guard version == 2 || version == 3 else { throw .unsupportedVersion(version) }
        self.version = version
        let tensorCount = try cursor.readCount("tensor", limit: InferenceLimits.ggufMaxTensors)
        let keyCount = try cursor.readCount("metadata key", limit: InferenceLimits.ggufMaxMetadataKeys)
        // Each key/value takes ≥ 12 bytes and each tensor info ≥ 28: reject counts the file cannot hold.
        guard keyCount <= cursor.remaining / 12 else {
            throw .absurdCount(what: "metadata key", count: UInt64(keyCount), limit: cursor.remaining / 12)
        }

        // Metadata key/value pairs.
        var metadata: [(key: String, value: GGUFValue)] = []
        metadata.reserveCapacity(keyCount)
        var alignment = GGUFFile.defaultAlignment
        for _ in 0..<keyCount {
            let key = try cursor.readString()
            let type = try cursor.readValueType()
            let value = try cursor.readValue(of: type, depth: 0)
            for existing in metadata where existing.key == key { throw .duplicateKey(key) }
            if key == "general.alignment" { alignment = try GGUFFile.checkAlignment(value) }
            metadata.append((key, value))
        }
        self.metadata = metadata
        self.alignment = alignment
        guard tensorCount <= cursor.remaining / 28 else {
            throw .absurdCount(what: "tensor", count: UInt64(tensorCount), limit: cursor.remaining / 28)
        }

        // Tensor infos: name, dims, type, offset relative to the data section.
        var raw: [(name: String, shape: [Int], type: GGMLType, offset: UInt64, byteCount: Int)] = []
        raw.reserveCapacity(tensorCount)
        for _ in 0..<tensorCount {
            let name = try cursor.readString()
            let dimCount = try cursor.read(UInt32.self)
            guard dimCount >= 1, dimCount <= UInt32(InferenceLimits.ggufMaxDimensions) else {
                throw .badDimensionCount(tensor: name, count: dimCount)
            }
            var shape: [Int] = []
            var elements = 1
            for _ in 0..<dimCount {
                let d = try cursor.read(UInt64.self)
                // ggml stores ne as int64: reject values negative as signed.
                guard d <= UInt64(Int64.max) else { throw .shapeOverflow(tensor: name) }
                let (e, overflow) = elements.multipliedReportingOverflow(by: Int(d))
                guard !overflow else { throw .shapeOverflow(tensor: name) }
                elements = e
                shape.append(Int(d))
            }
            let typeCode = try cursor.read(UInt32.self)
            guard let type = GGMLType(rawValue: typeCode) else { throw .unknownTensorType(typeCode, tensor: name) }
            guard shape[0] % type.blockSize == 0 else {
                throw .rowNotBlockAligned(tensor: name, ne0: shape[0], blockSize: type.blockSize)
            }
            guard let byteCount = type.byteCount(elements: elements) else { throw .shapeOverflow(tensor: name) }
            let offset = try cursor.read(UInt64.self)
            guard offset % UInt64(alignment) == 0 else {
                throw .misalignedTensor(tensor: name, offset: offset, alignment: alignment)
            }
            raw.append((name, shape, type, offset, byteCount))
        }

        // Data section: starts at the next multiple of the alignment after the infos.
        let infoEnd = cursor.position
        let padded = (infoEnd + alignment - 1) / alignment * alignment
        // A file with no tensors may end right after the infos (no padding written).
        let dataOffset = tensorCount == 0 ? min(padded, bytes.count) : padded
        guard dataOffset <= bytes.count else { throw .truncated(at: infoEnd, need: padded - infoEnd) }
        self.dataOffset = dataOffset
        let dataSize = bytes.count - dataOffset

        var tensors: [GGUFTensorInfo] = []
        tensors.reserveCapacity(tensorCount)
        for t in raw {
            guard t.offset <= UInt64(dataSize), t.byteCount <= dataSize - Int(t.offset) else {
                throw .offsetOutOfRange(tensor: t.name, offset: t.offset, byteCount: t.byteCount, dataSize: dataSize)
            }
            tensors.append(GGUFTensorInfo(name: t.name, shape: t.shape, type: t.type,
                                          offset: dataOffset + Int(t.offset), byteCount: t.byteCount))
        }
        try GGUFFile.checkUniqueAndDisjoint(tensors)
        self.tensors = tensors
    }

    // MARK: Tensors

    /// The tensor named `name`, if present (linear search; call at load time, not per token).
    public func tensor(named name: String) -> GGUFTensorInfo? {
        for t in tensors where t.name == name { return t }
        return nil
    }

    /// Zero-copy view of a tensor's data (its bounds were validated at parse time).
    public func bytes(of tensor: GGUFTensorInfo) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[tensor.offset..<(tensor.offset + tensor.byteCount)])
    }

    // MARK: Metadata

    /// The value stored under `key`, if present.
    public func value(_ key: String) -> GGUFValue? {
        for kv in metadata where kv.key == key { return kv.value }
        return nil
    }

    public func string(_ key: String) -> String? {
        if case .string(let s)? = value(key) { return s }
        return nil
    }

    /// An integer of any width stored under `key`, if it fits in UInt32.
    public func uint32(_ key: String) -> UInt32? {
        guard let v = value(key)?.intValue else { return nil }
        return UInt32(exactly: v)
    }

    /// An integer of any width stored under `key`, if it fits in Int.
    public func int(_ key: String) -> Int? { value(key)?.intValue }

    /// A float32/float64 (or integer) stored under `key`, as Float.
    public func float32(_ key: String) -> Float? { value(key)?.floatValue }

    public func bool(_ key: String) -> Bool? {
        if case .bool(let b)? = value(key) { return b }
        return nil
    }

    public func array(_ key: String) -> GGUFArray? {
        if case .array(let a)? = value(key) { return a }
        return nil
    }

    public func stringArray(_ key: String) -> [String]? { array(key)?.strings() }
    public func int32Array(_ key: String) -> [Int32]? { array(key)?.int32s() }
    public func float32Array(_ key: String) -> [Float]? { array(key)?.float32s() }

    // MARK: Validation helpers

    private static func checkAlignment(_ value: GGUFValue) throws(GGUFError) -> Int {
        guard value.type == .uint32 || value.type == .uint64 || value.type == .int32,
              let a = value.intValue else {
            throw .badKey("general.alignment", reason: "must be an unsigned integer")
        }
        guard a > 0, a <= InferenceLimits.ggufMaxAlignment, a & (a - 1) == 0 else {
            throw .badAlignment(UInt64(truncatingIfNeeded: a))
        }
        return a
    }

    /// Rejects duplicate names and overlapping data ranges (sorted by offset, against the running end).
    private static func checkUniqueAndDisjoint(_ tensors: [GGUFTensorInfo]) throws(GGUFError) {
        var order = Array(tensors.indices)
        order.sort { tensors[$0].offset < tensors[$1].offset }
        var end = 0  // Furthest data end seen so far, and its owner.
        var owner = 0
        for k in order where tensors[k].byteCount > 0 {
            let t = tensors[k]
            if t.offset < end { throw .overlappingTensors(tensors[owner].name, t.name) }
            end = t.offset + t.byteCount
            owner = k
        }
        var names = tensors.map { $0.name }
        names.sort()
        for k in names.indices.dropFirst() where names[k] == names[k - 1] { throw .duplicateTensor(names[k]) }
    }
}
