// The model slot of warden-eval, chosen at run time: one enum (no existentials) over the engines.

import Gateway
import GatewayInference

enum EvalModel: SafetyModel {
    case absent(AbsentModel)
    case fake(LexicalFakeModel)
    case replay(ReplaySafetyModel)
    case engine(ProbeSafetyModel)

    var identity: String {
        switch self {
        case .absent(let m): return m.identity
        case .fake(let m): return m.identity
        case .replay(let m): return m.identity
        case .engine(let m): return m.identity
        }
    }

    mutating func unsafeProbability(_ prompt: SafetyPrompt) throws(ModelError) -> Double {
        switch self {
        case .absent(var m): return try m.unsafeProbability(prompt)
        case .fake(var m): return try m.unsafeProbability(prompt)
        case .replay(var m): return try m.unsafeProbability(prompt)
        case .engine(var m):
            defer { self = .engine(m) }
            return try m.unsafeProbability(prompt)
        }
    }

    /// The last decision's raw margin (engine and replay), for `--margins`.
    var lastMargin: Double? {
        switch self {
        case .engine(let m): return m.lastMargin.map { Double($0) }
        case .replay(let m): return m.margins[m.current]
        default: return nil
        }
    }

    mutating func setCurrent(_ id: String) {
        if case .engine(var m) = self { m.clearLastMargin(); self = .engine(m) }
        if case .replay(var m) = self {
            m.current = id
            self = .replay(m)
        }
    }
}
