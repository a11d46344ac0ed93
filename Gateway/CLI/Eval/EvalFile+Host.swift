// warden-eval's file access: whole-file reads (rows, policy, score TSVs) through HostSupport, failing as EvalError.

import Gateway
import HostSupport

extension EvalFile {
    /// The whole file at `path`; "cannot open PATH: reason" if it cannot be read.
    static func read(_ path: String) throws(EvalError) -> [UInt8] {
        do { return try HostFile.read(path) } catch { throw EvalError(description: error.description) }
    }
}
