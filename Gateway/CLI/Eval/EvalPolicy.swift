// Layer 6 for warden-eval: the default constitution (Gateway/Data/constitution.policy, relative
// to the working directory) or the file given with --policy.

import Gateway

enum EvalPolicy {
    static let defaultPath = "Gateway/Data/constitution.policy"

    static func load(_ path: String?) throws(EvalError) -> Policy {
        let p = path ?? defaultPath
        let text = String(decoding: try EvalFile.readAll(p), as: UTF8.self)
        do { return try Policy.parse(text) } catch { throw EvalError(description: "\(p): \(error)") }
    }
}
