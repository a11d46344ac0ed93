// The pure tool providers: RAM file system (paths, quotas, image format), key-value store quotas
// and expiry, the log ring, and result shapes of the tools through AgentSystem with an allow gate.

import Testing
@testable import Gateway
@testable import AgentHost

struct RamFileSystemTests {
    @Test func normalizesAndRejectsPaths() throws {
        #expect(try RamFileSystem.normalize("//a///b/") == "/a/b")
        #expect(try RamFileSystem.normalize("/") == "/")
        for bad in ["a/b", "/a/../b", "/./a", ""] {
            #expect(throws: FileSystemError.badPath(bad)) { try RamFileSystem.normalize(bad) }
        }
    }

    @Test func writeListDelete() throws {
        var fs = RamFileSystem()
        try fs.write("/d/e/f.txt", Array("abc".utf8), append: false, now: 1)
        try fs.write("/d/e/f.txt", Array("de".utf8), append: true, now: 2)
        #expect(try fs.read("/d/e/f.txt") == Array("abcde".utf8))
        #expect(try fs.list("/d", recursive: false, maxEntries: 10).map(\.path) == ["/d/e"])
        #expect(try fs.list("/d", recursive: true, maxEntries: 10).map(\.path) == ["/d/e", "/d/e/f.txt"])
        #expect(throws: FileSystemError.notEmpty("/d")) { try fs.delete("/d", recursive: false) }
        #expect(try fs.delete("/d", recursive: true) == 3)
        #expect(fs.usedBytes == 0)
        #expect(throws: FileSystemError.notFound("/d/e/f.txt")) { try fs.read("/d/e/f.txt") }
        #expect(throws: FileSystemError.badPath("/")) { try fs.delete("/", recursive: true) }
    }

    @Test func enforcesQuotas() throws {
        var q = FileSystemQuota()
        q.totalBytes = 10
        q.maxFileBytes = 6
        q.maxNodes = 3
        var fs = RamFileSystem(quota: q)
        #expect(throws: FileSystemError.quota("file size 7 > 6 bytes")) { try fs.write("/a", Array("1234567".utf8), append: false, now: 0) }
        try fs.write("/a", Array("123456".utf8), append: false, now: 0)
        #expect(throws: FileSystemError.quota("total size > 10 bytes")) { try fs.write("/b", Array("12345".utf8), append: false, now: 0) }
        try fs.write("/b", Array("1234".utf8), append: false, now: 0)
        #expect(throws: FileSystemError.quota("3 files and directories")) { try fs.write("/c", [], append: false, now: 0) }
        #expect(fs.usedBytes == 10)
    }

    @Test func loadsAndRejectsImages() throws {
        let image = Array("WARDENFS 1\n# c\nD /empty\nF /x/y.txt 6\nab\ncd\n\nF /z 0\n\n".utf8)
        let fs = try FileSystemImage.load(image)
        #expect(try fs.read("/x/y.txt") == Array("ab\ncd\n".utf8))
        #expect(try fs.node("/empty").isDirectory)
        #expect(try fs.read("/z") == [])
        #expect(try FileSystemImage.load(FileSystemImage.make([("/n", "hi\n")])).read("/n") == Array("hi\n".utf8))
        #expect(throws: FileSystemError.image(line: 1, "missing header \"WARDENFS 1\"")) { try FileSystemImage.load(Array("WARDEN\n".utf8)) }
        #expect(throws: FileSystemError.image(line: 2, "file /a needs 9 bytes and a newline after them")) {
            try FileSystemImage.load(Array("WARDENFS 1\nF /a 9\nshort\n".utf8))
        }
        #expect(throws: FileSystemError.image(line: 2, "expected `D <path>` or `F <path> <size>`")) {
            try FileSystemImage.load(Array("WARDENFS 1\nX /a\n".utf8))
        }
        var q = FileSystemQuota()
        q.maxFileBytes = 2
        #expect(throws: FileSystemError.image(line: 2, "quota exceeded: file size 3 > 2 bytes")) {
            try FileSystemImage.load(Array("WARDENFS 1\nF /a 3\nabc\n".utf8), quota: q)
        }
    }
}

struct KeyValueAndLogTests {
    @Test func keyValueNamespacesQuotasAndExpiry() throws {
        var kv = KeyValueStore(maxKeysPerAgent: 2, maxBytesPerAgent: 10)
        try kv.put(agent: "a", key: "k", value: "v", ttlSeconds: nil, now: 0)
        #expect(kv.get(agent: "a", key: "k", now: 0) == "v")
        #expect(kv.get(agent: "b", key: "k", now: 0) == nil, "namespaces are per agent")
        try kv.put(agent: "a", key: "t", value: "x", ttlSeconds: 1, now: 0)
        #expect(throws: ToolFailure.failed(code: "quota", message: "key-value store holds 2 keys per agent")) {
            try kv.put(agent: "a", key: "u", value: "1", ttlSeconds: nil, now: 0)
        }
        #expect(throws: ToolFailure.failed(code: "quota", message: "key-value store holds 10 bytes per agent")) {
            try kv.put(agent: "a", key: "k", value: "123456789", ttlSeconds: nil, now: 0)
        }
        #expect(kv.get(agent: "a", key: "t", now: 999_999_999) == "x")
        #expect(kv.get(agent: "a", key: "t", now: 1_000_000_000) == nil, "expired")
        #expect(kv.keyCount(agent: "a") == 1)
    }

    @Test func logRingOverwritesOldestAndCounts() {
        var ring = LogRing(capacity: 3)
        for i in 0..<5 { ring.append(LogEntry(monotonicNs: UInt64(i), agent: "a", level: "info", message: "m\(i)")) }
        #expect(ring.tail(10).map(\.message) == ["m2", "m3", "m4"])
        #expect(ring.tail(2).map(\.message) == ["m3", "m4"])
        #expect(ring.overwritten == 2 && ring.appended == 5)
    }
}

struct ToolResultTests {
    func system() throws -> SpySystem {
        let s = SpySystem(gate: SpyGate(verdict: .allow), services: FakeServices(),
                          fileSystem: try FileSystemImage.load(FileSystemImage.make([("/n/a.txt", "hello world")])),
                          environment: EnvironmentConfig([("REGION", "lab")]))
        return s
    }

    func call(_ s: SpySystem, _ tool: BuiltinTool, _ args: String) -> HostOutcome {
        s.handle(tool: tool, arguments: Array(args.utf8), agent: AgentManifest(name: "t", tier: .system))
    }

    func result(_ s: SpySystem, _ tool: BuiltinTool, _ args: String) -> String? {
        guard case .result(let b) = call(s, tool, args) else { return nil }
        return String(decoding: b, as: UTF8.self)
    }

    @Test func resultShapes() throws {
        let s = try system()
        #expect(result(s, .fsRead, #"{"path":"/n/a.txt","offset":6,"length":3}"#) == #"{"content":"wor","size":11}"#)
        #expect(result(s, .fsWrite, #"{"path":"/n/b.txt","content":"xy"}"#) == #"{"written":2}"#)
        #expect(result(s, .fsList, #"{"path":"/n"}"#) ==
                #"{"entries":[{"path":"/n/a.txt","type":"file","size":11},{"path":"/n/b.txt","type":"file","size":2}]}"#)
        #expect(result(s, .fsStat, #"{"path":"/n"}"#)?.hasPrefix(#"{"type":"dir","size":0,"mtime_ns":"#) == true)
        #expect(result(s, .fsDelete, #"{"path":"/n/b.txt"}"#) == #"{"deleted":1}"#)
        #expect(result(s, .kvPut, #"{"key":"k","value":"v"}"#) == #"{"ok":true}"#)
        #expect(result(s, .kvGet, #"{"key":"k"}"#) == #"{"value":"v"}"#)
        #expect(result(s, .envGet, #"{"name":"REGION"}"#) == #"{"value":"lab"}"#)
        #expect(result(s, .clockNow, #"{}"#) == #"{"clock":"wall","ns":1790000000000000000}"#)
        #expect(result(s, .randomBytes, #"{"count":3}"#) == #"{"hex":"0b3055"}"#)
        #expect(result(s, .logWrite, #"{"message":"hi","level":"warn"}"#) == #"{"ok":true}"#)
        #expect(s.log.tail(1) == [LogEntry(monotonicNs: s.log.tail(1)[0].monotonicNs, agent: "t", level: "warn", message: "hi")])
    }

    @Test func failuresMapToCodes() throws {
        let s = try system()
        #expect(call(s, .fsRead, #"{"path":"/missing"}"#) == .error(.toolFailed, "not_found: no such file or directory: /missing"))
        #expect(call(s, .kvGet, #"{"key":"nope"}"#) == .error(.toolFailed, "not_found: no key \"nope\""))
        #expect(call(s, .httpFetch, #"{"url":"https://example.com"}"#) == .error(.egressUnavailable, "egress: egress peer not attached"))
        #expect(call(s, .mcpCall, #"{"tool":"x","arguments":{}}"#) == .error(.toolFailed, "unknown_tool: no external tool x"))
        #expect(call(s, .fsRead, #"[1]"#) == .error(.badJSON, "arguments must be a JSON object"))
        guard case .error(.badJSON, _) = call(s, .fsRead, #"{"a":1,"a":2}"#) else {
            Issue.record("duplicate keys must be rejected")
            return
        }
    }

    @Test func abiCodesMatchTheSDKHeader() throws {
        let header = try #require(Fixture.text(Fixture.root + "/Kernel/SDK/warden.h"))
        let swiftSDK = try #require(Fixture.text(Fixture.root + "/Kernel/SDK/Warden.swift"))
        let expected: [(String, HostResultCode)] = [
            ("WARDEN_E_FAULT", .fault), ("WARDEN_E_JSON", .badJSON), ("WARDEN_E_TOO_SMALL", .outTooSmall),
            ("WARDEN_E_TOOL", .toolFailed), ("WARDEN_E_EGRESS", .egressUnavailable), ("WARDEN_E_AUDIT", .auditUnavailable),
            ("WARDEN_E_BUSY", .busy), ("WARDEN_E_DENIED_SCHEMA", .deniedSchema), ("WARDEN_E_DENIED_TIER", .deniedTrustTier),
            ("WARDEN_E_DENIED_RATE", .deniedRateLimit), ("WARDEN_E_DENIED_ADVERSARIAL", .deniedAdversarial),
            ("WARDEN_E_DENIED_PROBELOGITS", .deniedProbeLogits), ("WARDEN_E_DENIED_POLICY", .deniedPolicy)]
        for (name, code) in expected {
            #expect(header.contains("#define \(name) ") && header.contains("(\(code.rawValue))"), "\(name) = \(code.rawValue)")
        }
        for e in HostFunctionTable.entries {
            #expect(header.contains("WARDEN_TOOL(\(e.name));"), "warden.h declares \(e.name)")
            #expect(swiftSDK.contains(#"@_extern(wasm, module: "warden", name: "\#(e.name)")"#), "Warden.swift declares \(e.name)")
        }
        #expect(header.split(separator: "WARDEN_TOOL(", omittingEmptySubsequences: false).count - 2 == 15, "exactly 15 tools (plus the macro)")
        for l in LayerID.allCases { #expect(HostResultCode.denied(by: l).deniedLayer == l) }
    }
}
