// Version marker of the Blake3 library.
public enum Blake3Version {
    public static let string = "1.0.0"
}
