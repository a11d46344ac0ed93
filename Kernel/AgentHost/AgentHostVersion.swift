// Version marker of the AgentHost library (placeholder until the library lands).
public enum AgentHostVersion {
    public static let string = "0.1.0"
}
