// JSON-RPC 2.0 batches (§6). MCP 2025-03-26 requires receiving them; 2025-06-18 removed them, and
// before `initialize` no version is agreed, so there (and at 2025-06-18) an array is rejected whole.

extension MCPServer {
    mutating func handleBatch(_ elements: [JSONValue]) -> [UInt8]? {
        guard let version = protocolVersion else {
            return errorLine(id: nil, .invalidRequest(
                "JSON-RPC batches are not accepted before initialize (and were removed in MCP 2025-06-18)"))
        }
        guard version.allowsBatches else {
            return errorLine(id: nil, .invalidRequest(
                "JSON-RPC batches are not supported in MCP \(version.rawValue); send one message per line"))
        }
        guard !elements.isEmpty else {
            return errorLine(id: nil, .invalidRequest("empty batch"))
        }
        guard elements.count <= MCPLimits.maxBatchMessages else {
            return errorLine(id: nil, .invalidRequest(
                "batch of \(elements.count) messages exceeds the limit of \(MCPLimits.maxBatchMessages)"))
        }
        var out: [UInt8] = [UInt8(ascii: "[")]
        var responses = 0
        for element in elements {
            var one: [UInt8] = []
            guard handleMessage(element, inBatch: true, into: &one) else { continue }
            if responses > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: one)
            responses += 1
        }
        // §6: a batch of only notifications gets no response at all.
        guard responses > 0 else { return nil }
        out.append(UInt8(ascii: "]"))
        return out
    }
}
