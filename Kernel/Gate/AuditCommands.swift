// Console commands over the gateway and its audit log: `audit tail|show|verify|export`, `stats`,
// `policy`, `probe <tool> <json-args>` (a decision without execution), and the test-only `audit tamper`.
import Blake3
import CPU
import KernelCore
import Gateway
import AgentHost

enum AuditCommands {
    static let beginMarker = "-----BEGIN WARDEN AUDIT-----"
    static let endMarker = "-----END WARDEN AUDIT-----"

    static func register(testMode: Bool) {
        Console.commands.register("audit", "audit tail [n] | show <seq> | verify | export: the BLAKE3-chained decision log") { args in audit(args) }
        Console.commands.register("stats", "gateway decisions per deciding layer and per-layer latency percentiles") { _ in stats() }
        Console.commands.register("policy", "the policy in force: source, hash, rules, tiers, rate limits") { _ in policy() }
        Console.commands.register("probe", "probe <tool> <json-args>: decide one call as agent 'console' without running it (audited)") { args in probe(args) }
        if testMode {
            Console.commands.register("tamper", "(test mode) tamper <seq>: flip a bit of an audit record in memory") { args in tamper(args) }
        }
    }

    static var log: AuditLog? { Warden.system?.gate.sink.log }

    static func audit(_ args: [String]) {
        guard let log else { print("audit: the gateway is not started"); return }
        switch args.first {
        case "tail":
            var n = GateLimits.auditTailDefault
            if args.count > 1 {
                guard let v = Int(args[1]), v > 0 else { print("usage: audit tail [n]"); return }
                n = v
            }
            let first = log.count > UInt64(n) ? log.count - UInt64(n) : 0
            printRecords(from: first)
        case "show":
            guard args.count == 2, let seq = UInt64(args[1]) else { print("usage: audit show <seq>"); return }
            guard let r = log.records(from: seq).first, r.seq == seq else { print("audit: no record \(seq) in memory"); return }
            print(AuditJSONL.line(r))
        case "verify":
            switch log.verify() {
            case .ok(let count, let head): print("audit verify: OK, \(count) records, head " + head.hex)
            case .bad(let seq, let reason): print("audit verify: FAILED at seq \(seq): " + reason)
            }
        case "export":
            print(beginMarker)
            for r in log.records { print(AuditJSONL.line(r)) }
            print(endMarker)
        default:
            print("usage: audit tail [n] | audit show <seq> | audit verify | audit export")
        }
    }

    /// One line per record from `seq` on: seq, agent, tool, verdict, deciding layer, reason.
    static func printRecords(from seq: UInt64) {
        guard let log else { return }
        for r in log.records(from: seq) {
            switch r.payload {
            case .genesis(let b):
                print("  #\(r.seq) genesis " + Warden.describe(b))
            case .seal(let s):
                print("  #\(r.seq) seal of \(s.recordCount) records from #\(s.firstSeq)")
            case .decision(let d):
                let layer = d.decidingLayer == 0 ? "-" : "L\(d.decidingLayer)"
                var reason = d.reason
                if reason.utf8.count > GateLimits.reasonPrintMax { reason = String(reason.prefix(GateLimits.reasonPrintMax)) + "…" }
                print("  #\(r.seq) " + d.agent + " " + d.tool + " " + d.verdict.rawValue + " " + layer + (reason.isEmpty ? "" : " " + reason))
            }
        }
    }

    static func stats() {
        guard let log, let system = Warden.system else { print("stats: the gateway is not started"); return }
        var byLayer = [Int](repeating: 0, count: 7)
        var allowed = 0, total = 0
        var lat = [[UInt64]](repeating: [], count: 7)
        for r in log.records {
            guard case .decision(let d) = r.payload else { continue }
            total += 1
            if d.verdict == .allow { allowed += 1 } else { byLayer[Int(d.decidingLayer)] += 1 }
            for l in 1...6 where d.latencies[index: l - 1] > 0 { lat[l].append(d.latencies[index: l - 1]) }
        }
        let s = system.stats
        print("decisions in memory: \(total), allowed \(allowed), denied \(total - allowed)")
        print("host calls: \(s.calls), executed \(s.executed), tool failures \(s.toolFailures), bad JSON \(s.badJSON)")
        print("  layer           denies   n      p50 ns   p90 ns   p99 ns")
        for layer in LayerID.allCases {
            var v = lat[layer.rawValue]
            v.sort()
            let p = { (q: Int) -> String in v.isEmpty ? "-" : String(v[min(v.count - 1, v.count * q / 100)]) }
            print("  " + AgentCommands.pad("L\(layer.rawValue) " + layer.name, 15) + AgentCommands.pad(String(byLayer[layer.rawValue]), 8)
                  + AgentCommands.pad(String(v.count), 6) + AgentCommands.pad(p(50), 8) + AgentCommands.pad(p(90), 8) + p(99))
        }
        if byLayer[0] > 0 { print("  denied with no deciding layer (audit unavailable): \(byLayer[0])") }
    }

    static func policy() {
        let p = Warden.policy
        print("policy: " + Warden.policySource)
        print("hash:   " + Warden.binding.policy.hex)
        print("default " + (p.defaultAllows ? "allow" : "deny") + ", \(p.rules.count) rules, \(p.rateLimits.count) rate limits")
        for r in p.rules { print("  rule " + r.name + " (line \(r.line)): " + r.reason) }
        for t in p.agentTiers { print("  agent \"" + t.agent + "\" tier " + t.tier.name) }
    }

    static func probe(_ args: [String]) {
        guard args.count >= 2 else { print("usage: probe <tool> <json-args>"); return }
        guard let system = Warden.system else { print("probe: the gateway is not started"); return }
        var text = args[1]
        for w in args.dropFirst(2) { text += " " + w }
        let value: JSONValue
        do throws(JSONError) {
            value = try JSONParser.parse(text)
        } catch {
            print("probe: bad JSON: " + error.description); return
        }
        let call = ToolCall(tool: args[0], arguments: value,
                            agent: AgentIdentity(name: "console", tier: .system, purpose: "operator probe from the console"))
        let t0 = hw_rdtsc()
        let d = system.gate.decide(call)
        let cycles = hw_rdtsc() &- t0
        let layer = d.decidingLayer.map { "L\($0.rawValue) " + $0.name } ?? "-"
        print("probe: " + d.verdict.rawValue + " (deciding layer " + layer + ")" + (d.reason.isEmpty ? "" : ": " + d.reason)
              + " [\(cycles) TSC cycles incl. audit append; not executed]")
    }

    static func tamper(_ args: [String]) {
        guard args.count == 1, let seq = UInt64(args[0]), let system = Warden.system else { print("usage: tamper <seq>"); return }
        let records = system.gate.sink.log.active
        guard let i = records.firstIndex(where: { $0.seq == seq }) else { print("tamper: record \(seq) not in the active segment"); return }
        records.withUnsafeBufferPointer { buf in
            let p = UnsafeMutablePointer(mutating: buf.baseAddress!)
            p[i].wallNs ^= 1
        }
        print("tamper: flipped bit 0 of the wall time of record \(seq) in memory")
    }
}
