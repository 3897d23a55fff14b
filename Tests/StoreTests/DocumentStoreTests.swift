import Foundation
import Store
import Testing

@Suite("Documents")
struct DocumentStoreTests {
    @Test func sameContentIsUnchangedAndChangedContentIsNextVersion() throws {
        try withTemporaryDirectory { dir in
            let store = DocumentStore(try Database(path: dir.appendingPathComponent("d.db").path))
            let v1 = "schema: piloteval/logic-model/v1\nid: vallingbyteamet\n"
            let v2 = v1 + "name: Socialtjänst Vällingbyteamet\n"

            #expect(try store.add(kind: "logic-model", id: "vallingbyteamet", content: v1, json: "{}",
                                  sourcePath: "Models/vallingbyteamet.yaml") == .added(version: 1))
            #expect(try store.add(kind: "logic-model", id: "vallingbyteamet", content: v1, json: "{}",
                                  sourcePath: "elsewhere.yaml") == .unchanged(version: 1))
            #expect(try store.add(kind: "logic-model", id: "vallingbyteamet", content: v2, json: "{\"a\":1}",
                                  sourcePath: "Models/vallingbyteamet.yaml") == .added(version: 2))
            // Going back to the first text is a change from the latest, so a new version.
            #expect(try store.add(kind: "logic-model", id: "vallingbyteamet", content: v1, json: "{}",
                                  sourcePath: nil) == .added(version: 3))
            // The same id under another kind is another document.
            #expect(try store.add(kind: "instrument", id: "vallingbyteamet", content: v1, json: "{}",
                                  sourcePath: nil) == .added(version: 1))

            let latest = try #require(try store.latest(kind: "logic-model", id: "vallingbyteamet"))
            #expect(latest.version == 3)
            #expect(latest.sourcePath == nil)
            #expect(latest.sha256 == ContentHash.sha256(v1))
            let second = try #require(try store.version(kind: "logic-model", id: "vallingbyteamet", version: 2))
            #expect(second.content == v2)
            #expect(second.json == "{\"a\":1}")
            #expect(second.addedAt.hasSuffix("Z"))
            #expect(try store.versions(kind: "logic-model", id: "vallingbyteamet").map(\.version) == [1, 2, 3])
            #expect(try store.latest(kind: "logic-model", id: "missing") == nil)
        }
    }

    @Test func listShowsLatestVersionAndCount() throws {
        try withTemporaryDirectory { dir in
            let store = DocumentStore(try Database(path: dir.appendingPathComponent("d.db").path))
            try store.add(kind: "logic-model", id: "b", content: "1", json: "{}", sourcePath: nil)
            try store.add(kind: "logic-model", id: "a", content: "1", json: "{}", sourcePath: nil)
            try store.add(kind: "logic-model", id: "a", content: "2", json: "{}", sourcePath: nil)
            try store.add(kind: "pdsa", id: "c", content: "1", json: "{}", sourcePath: nil)
            let list = try store.list(kind: "logic-model")
            #expect(list.map(\.id) == ["a", "b"])
            #expect(list.map(\.latestVersion) == [2, 1])
            #expect(list.map(\.versionCount) == [2, 1])
        }
    }

    /// A PDSA note or a goal's justification that names a child by number is refused at
    /// its line and column (counted by hand: the "(" is column 27), without the number,
    /// and nothing is stored (docs/privacy.md).
    @Test func aDocumentWithAnIdentityNumberIsRefusedWhereItIs() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("d.db").path
            let store = DocumentStore(try Database(path: path))
            let content = "schema: piloteval/pdsa/v1\nid: c1\nstudy: \"Samtal med barnet (120514\u{2013}4825) gick bra\"\n"
            do {
                try store.add(kind: "pdsa", id: "c1", content: content, json: "{}", sourcePath: "Models/pdsa/c1.yaml")
                Issue.record("stored a document with an identity number")
            } catch let e as DocumentStoreError {
                #expect(e.description.hasPrefix("Models/pdsa/c1.yaml:3:28: "), "\(e.description)")
                #expect(!e.description.contains("4825"))
            }
            #expect(try store.list(kind: "pdsa").isEmpty)
            try store.add(kind: "pdsa", id: "c1", content: "schema: piloteval/pdsa/v1\nid: c1\nstudy: 0,1205144825\n",
                          json: "{}", sourcePath: "c1.yaml")
            #expect(try store.list(kind: "pdsa").count == 1)
        }
    }
}
