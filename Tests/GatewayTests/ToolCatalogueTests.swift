// Tests of the tool catalogue: the 15 built-ins and run-time registration of external tools.
import Testing
@testable import Gateway

@Test func catalogueHasTheFifteenToolsInABIOrder() {
    let c = ToolCatalogue()
    #expect(c.count == 15)
    let names = ["fs_read", "fs_write", "fs_list", "fs_delete", "fs_stat", "http_fetch", "net_send", "proc_exec",
                 "kv_get", "kv_put", "clock_now", "random_bytes", "log_write", "env_get", "mcp_call"]
    for (i, n) in names.enumerated() {
        #expect(c.lookup(n) == i)
        #expect(BuiltinTool(rawValue: i)?.name == n)
        #expect(!c[i].description.isEmpty)
        // Every inputSchema is valid JSON describing an object.
        #expect((try? JSONParser.parse(c[i].inputSchemaJSON))?["type"]?.stringValue == "object")
    }
    #expect(c[BuiltinTool.procExec.rawValue].minimumTier == .aiNative)
    #expect(c[BuiltinTool.fsDelete.rawValue].sideEffect == .destructive)
    #expect(c.lookup("nope") == nil)
}

@Test func registersExternalToolsWithPermissiveSchema() throws {
    var c = ToolCatalogue()
    let i = try c.registerExternal(name: "GmailSendEmail")
    #expect(c.lookup("GmailSendEmail") == i)
    #expect(c[i].isExternal && c[i].sideEffect == .external && c[i].minimumTier == c.externalTier)
    #expect(c[i].schema.violation(of: try JSONParser.parse(#"{"anything":[1,2]}"#)) == nil)
    #expect(c[i].schema.violation(of: .array([])) != nil)
    #expect(throws: CatalogueError.duplicate("GmailSendEmail")) { try c.registerExternal(name: "GmailSendEmail") }
    #expect(throws: CatalogueError.badName("bad name")) { try c.registerExternal(name: "bad name") }
    #expect(throws: CatalogueError.self) { try c.registerExternal(name: "x", inputSchemaJSON: #"{"type":"frob"}"#) }
    c.configure(i, tier: .system)
    #expect(c[i].minimumTier == .system)
}

@Test func catalogueIsBounded() throws {
    var c = ToolCatalogue()
    for k in 0..<GatewayLimits.maxExternalTools { try c.registerExternal(name: "t\(k)") }
    #expect(throws: CatalogueError.full) { try c.registerExternal(name: "one-more") }
}

/// Tool names match byte for byte: a canonically equivalent spelling ("\u{212A}" KELVIN SIGN is
/// canonically "K") is a different, unknown tool, not an alias that byte-level rules (globs,
/// regexes) and the audit record would see differently.
@Test func lookupIsByteExact() throws {
    var c = ToolCatalogue()
    let i = try c.registerExternal(name: "KubectlApply")
    #expect("\u{212A}ubectlApply" == "KubectlApply")  // what Dictionary<String, _> would have used
    #expect(c.lookup("KubectlApply") == i)
    #expect(c.lookup("\u{212A}ubectlApply") == nil)
    #expect(c.lookup("kubectlApply") == nil)
}

/// The name table itself: growth past its initial size, replacement, misses, non-contiguous input.
@Test func nameTableGrowsAndReplaces() {
    var t = NameTable<Int>()
    for k in 0..<300 { t["tool-\(k)"] = k }
    #expect(t.count == 300)
    for k in 0..<300 { #expect(t["tool-\(k)"] == k) }
    t["tool-7"] = 700
    #expect(t.count == 300 && t["tool-7"] == 700)
    #expect(t["tool-300"] == nil && t[""] == nil)
    t[""] = -1
    #expect(t[""] == -1)
    let bridged = String(decoding: Array("tool-42".utf8), as: UTF8.self)
    #expect(t[bridged] == 42)
}
