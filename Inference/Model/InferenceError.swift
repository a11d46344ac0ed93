// Typed errors of the Inference engine (model loading, forward pass, probing), each with a clear message.
public enum InferenceError: Error, Equatable, CustomStringConvertible {
    public var description: String { message }

    case missingMetadata(String)
    case unsupportedArchitecture(String)
    case hyperParameterOutOfRange(String, Int)
    case missingTensor(String)
    case badTensorShape(String, expected: [Int], got: [Int])
    case unsupportedTensorType(String, UInt32)
    case unsupportedRopeScaling(String)
    case contextFull(needed: Int, cap: Int)
    case tokenOutOfRange(Int32, vocab: Int)
    case emptyInput
    case badContextCap(Int)
    case badProbe(String)
    case prefixNotPrepared

    public var message: String {
        switch self {
        case .missingMetadata(let k): return "GGUF metadata key '\(k)' is missing or has the wrong type"
        case .unsupportedArchitecture(let a): return "architecture '\(a)' is not supported (llama, qwen2)"
        case .hyperParameterOutOfRange(let k, let v): return "hyper-parameter \(k) = \(v) is out of range"
        case .missingTensor(let n): return "tensor '\(n)' is missing"
        case .badTensorShape(let n, let e, let g):
            return "tensor '\(n)' has shape \(shapeText(g)), expected \(shapeText(e))"
        case .unsupportedTensorType(let n, let t): return "tensor '\(n)' has unsupported ggml type \(t)"
        case .unsupportedRopeScaling(let s): return "RoPE scaling '\(s)' is not supported (none, linear)"
        case .contextFull(let n, let c): return "context full: \(n) tokens needed, cap is \(c)"
        case .tokenOutOfRange(let t, let v): return "token id \(t) is outside the vocabulary (\(v))"
        case .emptyInput: return "no tokens to process"
        case .badContextCap(let c): return "context cap \(c) is out of range"
        case .badProbe(let why): return "bad probe configuration: \(why)"
        case .prefixNotPrepared: return "probe prefix not prepared (call prepare(prefix:) first)"
        }
    }
}

func shapeText(_ s: [Int]) -> String {
    var out = "["
    for (i, v) in s.enumerated() { out += (i == 0 ? "" : ", ") + String(v) }
    return out + "]"
}
