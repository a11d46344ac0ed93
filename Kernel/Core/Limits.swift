// Every fixed limit of the kernel core in one place, with its unit.
public enum Limits {
    /// Longest console input line (characters); longer lines are rejected when Enter is pressed.
    public static let consoleLineMax = 200
    /// Console history entries kept (oldest dropped first).
    public static let consoleHistory = 16
    /// Most words in one console command line (command name included).
    public static let consoleArgumentsMax = 16
    /// Multiboot2 modules recorded (GRUB `module2` lines).
    public static let bootModulesMax = 32
    /// Memory-map entries accepted from the multiboot2 info.
    public static let memoryRegionsMax = 128
    /// Physical memory the boot code identity-maps (bytes); the heap must lie below it.
    public static let identityMappedBytes: UInt64 = 16 << 30
    /// Heap block granule and header size (bytes); every block is a multiple of it.
    public static let heapGranule = 16
    /// Smallest block the heap splits off (bytes, header included).
    public static let heapMinBlock = 32
    /// Largest block (bytes, header included) the small-block cache keeps; one size class per granule.
    public static let heapCacheMaxBlock = 1024
    /// Bytes of freed small blocks the kernel heap's cache may hold before frees coalesce again.
    public static let heapCacheBytes = 8 << 20
    /// PIT input clock (Hz), fixed by the hardware.
    public static let pitHz: UInt64 = 1_193_182
    /// Periodic timer interrupt rate (Hz).
    public static let timerHz: UInt64 = 100
    /// Shortest PIT window used to calibrate the TSC (ticks, ≈ 20 ms).
    public static let calibrationPitTicks: UInt64 = 23_864
}
