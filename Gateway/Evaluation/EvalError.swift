// The evaluation runner's error: a message naming the file, line and row at fault.

public struct EvalError: Error, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
}
