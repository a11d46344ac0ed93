// JSON Lines export/import round trip, strict import errors, and the documented byte encoding.
import Blake3
import Foundation
import Testing
@testable import Gateway

@Suite struct AuditJSONLTests {
    @Test func exportImportRoundTripIncludingAwkwardStrings() throws {
        var log = try testLog(decisions: 7, segmentCapacity: 4)
        try log.append(AuditEntry(monotonicNs: UInt64.max, wallNs: Int64.min, agent: "ag\"ent\\\n\u{0}é😀",
                                  tool: "mcp_call", argumentsHash: Blake3.hash("a"), decidingLayer: 6, verdict: .deny,
                                  reason: "tab\there / \u{1F}", latencies: AuditLatencies(.max, 0, 1, 2, 3, 4)))
        let text = AuditJSONL.export(log.records)
        #expect(text.split(separator: "\n").count == log.records.count)
        let (records, error) = AuditJSONL.decodeAll(text)
        #expect(error == nil)
        #expect(records == log.records)
        #expect(AuditJSONL.verify(text) == .ok(count: records.count, head: log.head))
    }

    @Test func importRejectsMalformedLines() throws {
        let log = try testLog(decisions: 1)
        let good = AuditJSONL.line(log.records[1])
        let cases: [(String, String)] = [
            ("{}", "missing \"seq\""),
            ("[1]", "not a JSON object"),
            (good.replacingOccurrences(of: "\"kind\":\"decision\"", with: "\"kind\":\"other\""), "unknown kind"),
            (good.replacingOccurrences(of: "}", with: ",\"extra\":1}"), "unexpected keys"),
            (good.replacingOccurrences(of: "\"seq\":1", with: "\"seq\":1.0"), "not a non-negative integer"),
            (good.replacingOccurrences(of: "\"seq\":1", with: "\"seq\":99999999999999999999"), "out of range"),
            (good.replacingOccurrences(of: "\"seq\":1,", with: "\"seq\": 1,"), "canonical form"),
            (good.replacingOccurrences(of: "\"verdict\":\"allow\"", with: "\"verdict\":\"maybe\""), "allow or deny"),
        ]
        for (line, expected) in cases {
            #expect(throws: AuditError.self) { try AuditJSONL.decode(line: line, lineNumber: 2) }
            do throws(AuditError) {
                _ = try AuditJSONL.decode(line: line, lineNumber: 2)
            } catch {
                #expect(error.message.contains(expected), "\(error.message)")
            }
        }
        let v = AuditJSONL.verify(AuditJSONL.line(log.records[0]) + "\nnot json\n")
        #expect(badSeq(v) == 1 && badReason(v).hasPrefix("line 2:"))
    }

    @Test func encodingHeaderLayoutMatchesTheDocument() throws {
        let r = try testLog(decisions: 1).records[1]
        let e = r.encoding()
        #expect(Array(e[0..<8]) == Array("WAUDIT1\0".utf8))
        #expect(e[8] == AuditRecordKind.decision.rawValue)
        #expect(Array(e[9..<13]) == [0, 0, 0, 0])          // segment
        #expect(Array(e[13..<21]) == [1, 0, 0, 0, 0, 0, 0, 0])  // seq
        #expect(Array(e[37..<69]) == r.prevHash.bytes)
        #expect(Array(e[69..<73]) == [7, 0, 0, 0] && Array(e[73..<80]) == Array("agent-0".utf8))
        #expect(e.count == 69 + (4 + 7) + (4 + 7) + 32 + 2 + (4 + 0) + 48)
        #expect(Blake3.hash(e) == r.hash)
    }

    /// A third party with only b3sum reproduces each record hash from the documented encoding.
    @Test func recordHashesAgreeWithB3sum() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/b3sum") else {
            print("SKIP: /usr/bin/b3sum not found; third-party record-hash check skipped")
            return
        }
        let records = try testLog(decisions: 4, segmentCapacity: 4).records
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("audit-b3-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        for r in records {
            let path = dir.appendingPathComponent("r\(r.seq)").path
            #expect(FileManager.default.createFile(atPath: path, contents: Data(r.encoding())))
            paths.append(path)
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/b3sum")
        p.arguments = ["--no-names"] + paths
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(out.split(separator: "\n").map(String.init) == records.map(\.hash.hex))
    }
}
