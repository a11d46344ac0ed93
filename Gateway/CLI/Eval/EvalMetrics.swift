// Confusion counts and the summary line of warden-eval (unsafe is the positive class).

struct EvalMetrics {
    var tp = 0, fp = 0, tn = 0, fn = 0

    mutating func add(predictedUnsafe: Bool, unsafe: Bool) {
        switch (predictedUnsafe, unsafe) {
        case (true, true): tp += 1
        case (true, false): fp += 1
        case (false, false): tn += 1
        case (false, true): fn += 1
        }
    }

    var n: Int { tp + fp + tn + fn }
    var precision: Double { tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp) }
    var recall: Double { tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    var fpr: Double { fp + tn == 0 ? 0 : Double(fp) / Double(fp + tn) }

    var summary: String {
        "n=\(n) precision=\(fmt(precision)) recall=\(fmt(recall)) f1=\(fmt(f1)) fpr=\(fmt(fpr))"
    }

    func fmt(_ v: Double) -> String {
        let scaled = Int((v * 10000).rounded())
        var frac = String(scaled % 10000)
        while frac.count < 4 { frac = "0" + frac }
        return "\(scaled / 10000).\(frac)"
    }
}
