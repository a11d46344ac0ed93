// Errors raised while building a tokenizer from GGUF metadata (tokenize itself cannot fail).

public enum TokenizerError: Error, Equatable, CustomStringConvertible {
    /// A required metadata key is absent.
    case missingKey(String)
    /// A metadata key has the wrong type or shape.
    case badKey(String, reason: String)
    /// `tokenizer.ggml.model` names a tokenizer this library does not implement.
    case unsupportedModel(String)
    /// `tokenizer.ggml.pre` names a pre-tokenizer this library does not implement.
    case unsupportedPreTokenizer(String)
    /// The vocabulary is empty or larger than `InferenceLimits.tokenizerMaxVocab`.
    case badVocabularySize(Int)
    /// A token text is longer than `InferenceLimits.tokenizerMaxTokenBytes`.
    case tokenTooLong(id: Int, bytes: Int)
    /// Two ids share the same token text (llama.cpp rejects this too).
    case duplicateToken(String, first: Int32, second: Int32)

    public var description: String {
        switch self {
        case .missingKey(let k): return "tokenizer: missing metadata key '\(k)'"
        case .badKey(let k, let reason): return "tokenizer: metadata key '\(k)': \(reason)"
        case .unsupportedModel(let m): return "tokenizer: unsupported tokenizer model '\(m)' (supported: gpt2, llama)"
        case .unsupportedPreTokenizer(let p):
            return "tokenizer: unsupported pre-tokenizer '\(p)' (supported: smollm, qwen2, llama3/llama-bpe, gpt-2 families)"
        case .badVocabularySize(let n):
            return "tokenizer: vocabulary size \(n) outside 1...\(InferenceLimits.tokenizerMaxVocab)"
        case .tokenTooLong(let id, let n):
            return "tokenizer: token \(id) is \(n) bytes long (limit \(InferenceLimits.tokenizerMaxTokenBytes))"
        case .duplicateToken(let t, let a, let b): return "tokenizer: token '\(t)' appears twice (ids \(a) and \(b))"
        }
    }
}
