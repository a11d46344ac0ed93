// Version marker of the Gateway library (placeholder until the library lands).
public enum GatewayVersion {
    public static let string = "0.1.0"
}
