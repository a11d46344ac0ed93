// Version marker of the Inference library (placeholder until the library lands).
public enum InferenceVersion {
    public static let string = "0.1.0"
}
