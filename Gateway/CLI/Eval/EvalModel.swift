// The model slot of warden-eval, chosen at run time: one enum (no existentials) over the engines.

import Gateway

enum EvalModel: SafetyModel {
    case absent(AbsentModel)
    case fake(FakeSafetyModel)
    case replay(ReplaySafetyModel)
    case engine(EngineSafetyModel)

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
        case .engine(let m): return try m.unsafeProbability(prompt)
        }
    }

    mutating func setCurrent(_ id: String) {
        if case .replay(var m) = self {
            m.current = id
            self = .replay(m)
        }
    }
}
