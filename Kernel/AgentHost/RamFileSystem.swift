// The agents' RAM file system: absolute paths to files (bytes) and directories, with quotas on
// total bytes, node count and file size. Seeded from a boot image (FileSystemImage.swift).

/// Why a file-system operation failed; `code` is the error code agents see.
public enum FileSystemError: Error, Equatable, Sendable {
    case badPath(String)
    case notFound(String)
    case notADirectory(String)
    case isADirectory(String)
    case notEmpty(String)
    case quota(String)
    case image(line: Int, String)

    public var code: String {
        switch self {
        case .badPath: return "bad_path"
        case .notFound: return "not_found"
        case .notADirectory: return "not_a_directory"
        case .isADirectory: return "is_a_directory"
        case .notEmpty: return "not_empty"
        case .quota: return "quota"
        case .image: return "bad_image"
        }
    }

    public var message: String {
        switch self {
        case .badPath(let p): return "invalid path \"\(p)\" (absolute, no . or .. components)"
        case .notFound(let p): return "no such file or directory: \(p)"
        case .notADirectory(let p): return "not a directory: \(p)"
        case .isADirectory(let p): return "is a directory: \(p)"
        case .notEmpty(let p): return "directory not empty (use recursive): \(p)"
        case .quota(let m): return "quota exceeded: " + m
        case .image(let line, let m): return "file-system image line \(line): " + m
        }
    }
}

public struct FileSystemQuota: Equatable, Sendable {
    public var totalBytes = AgentHostLimits.fsTotalBytes
    public var maxNodes = AgentHostLimits.fsMaxFiles
    public var maxFileBytes = AgentHostLimits.fsMaxFileBytes
    public init() {}
}

public struct RamFileSystem: Sendable {
    public struct Node: Equatable, Sendable {
        public var isDirectory: Bool
        public var bytes: [UInt8]
        /// Monotonic ns of the last change.
        public var mtimeNs: UInt64
    }

    public let quota: FileSystemQuota
    /// Normalized absolute path → node; "/" always exists.
    public private(set) var nodes: [String: Node]
    public private(set) var usedBytes = 0

    public init(quota: FileSystemQuota = FileSystemQuota()) {
        self.quota = quota
        nodes = ["/": Node(isDirectory: true, bytes: [], mtimeNs: 0)]
    }

    /// `path` as a normalized absolute path ("/a/b"), or `.badPath`.
    public static func normalize(_ path: String) throws(FileSystemError) -> String {
        guard path.utf8.first == 0x2F, path.utf8.count <= AgentHostLimits.fsMaxPathBytes else { throw .badPath(path) }
        var out = ""
        for part in path.split(separator: "/") {
            guard part != ".", part != ".." else { throw .badPath(path) }
            out += "/" + part
        }
        return out.isEmpty ? "/" : out
    }

    static func parent(_ p: String) -> String {
        guard let slash = p.lastIndex(of: "/"), p != "/" else { return "/" }
        return slash == p.startIndex ? "/" : String(p[p.startIndex..<slash])
    }

    public func node(_ path: String) throws(FileSystemError) -> Node {
        let p = try Self.normalize(path)
        guard let n = nodes[p] else { throw .notFound(p) }
        return n
    }

    public func read(_ path: String) throws(FileSystemError) -> [UInt8] {
        let n = try node(path)
        guard !n.isDirectory else { throw .isADirectory(path) }
        return n.bytes
    }

    /// Creates `path` and missing parents as directories.
    public mutating func makeDirectory(_ path: String, now: UInt64) throws(FileSystemError) {
        let p = try Self.normalize(path)
        if let n = nodes[p] {
            guard n.isDirectory else { throw .notADirectory(p) }
            return
        }
        try makeDirectory(Self.parent(p), now: now)
        guard nodes.count < quota.maxNodes else { throw .quota("\(quota.maxNodes) files and directories") }
        nodes[p] = Node(isDirectory: true, bytes: [], mtimeNs: now)
    }

    /// Writes (or appends) `bytes`, creating the file and its parent directories.
    public mutating func write(_ path: String, _ bytes: [UInt8], append: Bool, now: UInt64) throws(FileSystemError) {
        let p = try Self.normalize(path)
        guard p != "/" else { throw .isADirectory(p) }
        let old = nodes[p]
        if let old, old.isDirectory { throw .isADirectory(p) }
        let oldSize = old?.bytes.count ?? 0
        let newSize = append ? oldSize + bytes.count : bytes.count
        guard newSize <= quota.maxFileBytes else { throw .quota("file size \(newSize) > \(quota.maxFileBytes) bytes") }
        guard usedBytes - oldSize + newSize <= quota.totalBytes else { throw .quota("total size > \(quota.totalBytes) bytes") }
        if old == nil {
            try makeDirectory(Self.parent(p), now: now)
            guard nodes.count < quota.maxNodes else { throw .quota("\(quota.maxNodes) files and directories") }
        }
        var n = old ?? Node(isDirectory: false, bytes: [], mtimeNs: now)
        if append { n.bytes += bytes } else { n.bytes = bytes }
        n.mtimeNs = now
        nodes[p] = n
        usedBytes += newSize - oldSize
    }

    /// Direct children of a directory (or every descendant when `recursive`), sorted by path.
    public func list(_ path: String, recursive: Bool, maxEntries: Int) throws(FileSystemError) -> [(path: String, node: Node)] {
        let p = try Self.normalize(path)
        guard let n = nodes[p] else { throw .notFound(p) }
        guard n.isDirectory else { throw .notADirectory(p) }
        let prefix = p == "/" ? "/" : p + "/"
        var out: [(path: String, node: Node)] = []
        for (k, v) in nodes where k != p && k.hasPrefix(prefix) {
            if !recursive && k.utf8.dropFirst(prefix.utf8.count).contains(0x2F) { continue }
            out.append((k, v))
        }
        out.sort { $0.path < $1.path }
        if out.count > maxEntries { out.removeLast(out.count - maxEntries) }
        return out
    }

    /// Deletes a file, an empty directory, or a whole tree when `recursive`; returns nodes removed.
    @discardableResult
    public mutating func delete(_ path: String, recursive: Bool) throws(FileSystemError) -> Int {
        let p = try Self.normalize(path)
        guard p != "/" else { throw .badPath(p) }
        guard let n = nodes[p] else { throw .notFound(p) }
        var victims = [p]
        if n.isDirectory {
            let prefix = p + "/"
            for k in nodes.keys where k.hasPrefix(prefix) { victims.append(k) }
            guard recursive || victims.count == 1 else { throw .notEmpty(p) }
        }
        for v in victims {
            usedBytes -= nodes[v]!.bytes.count
            nodes[v] = nil
        }
        return victims.count
    }
}
