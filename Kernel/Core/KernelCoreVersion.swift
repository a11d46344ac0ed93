// Version marker of the KernelCore library (placeholder until the library lands).
public enum KernelCoreVersion {
    public static let string = "0.1.0"
}
