// Confusion counts and the summary line of an evaluation (unsafe is the positive class).

public struct EvalMetrics: Equatable {
    public var tp = 0, fp = 0, tn = 0, fn = 0

    public init() {}

    public mutating func add(predictedUnsafe: Bool, unsafe: Bool) {
        switch (predictedUnsafe, unsafe) {
        case (true, true): tp += 1
        case (true, false): fp += 1
        case (false, false): tn += 1
        case (false, true): fn += 1
        }
    }

    public var n: Int { tp + fp + tn + fn }
    public var precision: Double { tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp) }
    public var recall: Double { tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    public var fpr: Double { fp + tn == 0 ? 0 : Double(fp) / Double(fp + tn) }

    /// `n=<N> precision=<p> recall=<r> f1=<f> fpr=<x>`, four decimals each.
    public var summary: String {
        "n=\(n) precision=" + Self.fixed4(precision) + " recall=" + Self.fixed4(recall) + " f1=" + Self.fixed4(f1)
            + " fpr=" + Self.fixed4(fpr)
    }

    /// A value in [0, 1] with exactly four decimals (no Double printing: identical in Embedded Swift).
    public static func fixed4(_ v: Double) -> String {
        let scaled = Int((v * 10000).rounded())
        var frac = String(scaled % 10000)
        while frac.utf8.count < 4 { frac = "0" + frac }
        return String(scaled / 10000) + "." + frac
    }
}
