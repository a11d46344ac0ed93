// Every limit of the AgentHost library in one place: guest buffers, manifests, the RAM file
// system, the key-value store, the log ring and the per-agent engine limits.

public enum AgentHostLimits {
    // MARK: Host-call buffers (HostFunctions: copied out of guest memory before anything else)

    /// Largest JSON arguments a guest may pass to one tool, in bytes (larger: WARDEN_E_JSON).
    public static let maxArgumentBytes = 1 << 20
    /// Largest out buffer the host will consider (a larger out_cap is clamped, not an error).
    public static let maxResultBytes = 1 << 20

    // MARK: Manifests (AgentManifest.swift)

    public static let maxManifestBytes = 16 << 10
    public static let maxAgentNameBytes = 64
    public static let maxPurposeBytes = 1024
    /// Fuel (IR instructions) when a manifest names none, and the most a manifest may ask for.
    public static let defaultFuel: Int64 = 50_000_000
    public static let maxFuel: Int64 = 10_000_000_000
    /// Linear-memory cap (64 KiB pages) when a manifest names none, and the most it may ask for.
    public static let defaultMemoryPages: UInt32 = 32
    public static let maxMemoryPages: UInt32 = 4096

    // MARK: Engine limits per agent store (smaller than the engine's defaults: kernel heap)

    /// Value-stack slots (8 bytes each) per agent store.
    public static let valueStackSlots = 1 << 16
    /// Wasm call depth per agent store.
    public static let maxCallDepth = 2_000

    // MARK: RAM file system (RamFileSystem.swift), defaults of `FileSystemQuota`

    public static let fsTotalBytes = 8 << 20
    public static let fsMaxFiles = 1024
    public static let fsMaxFileBytes = 1 << 20
    public static let fsMaxPathBytes = 4096
    /// Most entries one fs_list returns.
    public static let fsMaxListEntries = 10_000

    // MARK: Key-value store (KeyValueStore.swift), per agent namespace

    public static let kvMaxKeysPerAgent = 256
    public static let kvMaxBytesPerAgent = 256 << 10

    // MARK: Log ring (LogRing.swift)

    /// Entries kept; the oldest is overwritten (the count of overwritten entries is kept).
    public static let logCapacity = 256
    public static let logMaxMessageBytes = 4096

    // MARK: Environment (EnvironmentConfig.swift)

    public static let envMaxEntries = 256
}
