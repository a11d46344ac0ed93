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
