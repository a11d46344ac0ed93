// Version marker of the Blake3 library (placeholder until the library lands).
public enum Blake3Version {
    public static let string = "0.1.0"
}
