import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Presentation
import Reports
import Store
import Testing
@testable import Web

/// The logic model's editor (issue 23): an error located by line with the decoder's
/// suggestion, nothing saved and the text kept; a valid change saved as version 2 and
/// shown as a diff; a save from the old version refused; another model's id refused.
@Suite struct ModelEditorTests {
    static let page = "/models/familjeenheten-2022/logic-model/edit"

    static func textarea(_ html: String) throws -> String {
        let start = try #require(html.range(of: "name=\"yaml\"")).upperBound
        let open = try #require(html[start...].range(of: ">")).upperBound
        let close = try #require(html[open...].range(of: "</textarea>")).lowerBound
        return String(html[open..<close])
    }

    @Test func theModelIsCheckedSavedAsAVersionAndGuarded() async throws {
        let path = try PageTests.database()
        let app = AuthenticationTests.application(database: path)
        let stored = try ModelCatalog(try Database(path: path, readOnly: true)).resolveStored("familjeenheten-2022").document.content
        try await app.test(.router) { client in
            let cookie = try await PageTests.signIn(client)
            let headers: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            let (csrf, version) = try await client.execute(uri: Self.page, method: .get, headers: [.cookie: cookie]) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok)
                let shown = try Self.textarea(html)
                #expect(shown == HTMLEscape.text(stored), "the stored text, escaped")
                // The shipped model has warnings, no errors; its diagram is drawn.
                #expect(!html.contains("<li class=\"error\">") && html.contains("<svg"))
                return (try EntryTests.hidden("_csrf", in: html), try EntryTests.hidden("version", in: html))
            }
            #expect(version == "1")
            // A misspelt key: located, with the suggestion; nothing saved, the text kept.
            let typo = stored.replacingOccurrences(of: "\nname:", with: "\nnamn:")
            let line = typo.components(separatedBy: "\n").firstIndex { $0.hasPrefix("namn:") }! + 1
            try await client.execute(uri: Self.page, method: .post, headers: headers,
                                     body: EntryTests.form([("_csrf", csrf), ("version", version), ("action", "save"), ("yaml", typo)])) { response in
                #expect(response.status == .unprocessableContent)
                let html = String(buffer: response.body)
                #expect(html.contains("rad \(line), kolumn 1"), "located to line \(line)")
                #expect(html.contains("did you mean"))
                let kept = try Self.textarea(html)
                #expect(kept.contains("namn:"))
            }
            // As you type: the same check as JSON, with the diagram.
            try await client.execute(uri: "/models/familjeenheten-2022/logic-model/check", method: .post,
                                     headers: headers + [HTTPField(name: HTTPField.Name("X-CSRF-Token")!, value: csrf)],
                                     body: EntryTests.form([("yaml", typo)])) { response in
                #expect(response.status == .ok)
                let answer = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as! [String: Any]
                #expect((answer["diagnostics"] as? String)?.contains("rad \(line)") == true)
            }
            // Another model's id: refused.
            try await client.execute(uri: Self.page, method: .post, headers: headers,
                                     body: EntryTests.form([("_csrf", csrf), ("version", version), ("action", "save"),
                                                            ("yaml", stored.replacingOccurrences(of: "id: familjeenheten-2022", with: "id: annan-modell"))])) {
                #expect($0.status == .unprocessableContent)
            }
            let one = try ModelCatalog(try Database(path: path, readOnly: true)).versions(of: "familjeenheten-2022")
            #expect(one.count == 1)
            // A valid change: version 2, shown against version 1.
            let renamed = stored.replacingOccurrences(of: "name: Familjeenheten, verksamhetsberättelse 2022",
                                                      with: "name: Familjeenheten, verksamhetsberättelse 2022 (reviderad)")
            #expect(renamed != stored)
            try await client.execute(uri: Self.page, method: .post, headers: headers,
                                     body: EntryTests.form([("_csrf", csrf), ("version", version), ("action", "save"), ("yaml", renamed)])) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/models/familjeenheten-2022/logic-model?from=1&to=2#compare")
            }
            let versions = try ModelCatalog(try Database(path: path, readOnly: true)).versions(of: "familjeenheten-2022")
            #expect(versions.count == 2 && versions[1].content == renamed)
            // From the old version again: refused, the text kept.
            try await client.execute(uri: Self.page, method: .post, headers: headers,
                                     body: EntryTests.form([("_csrf", csrf), ("version", version), ("action", "save"),
                                                            ("yaml", renamed + "\n# mer\n")])) { response in
                #expect(response.status == .conflict)
                let kept = try Self.textarea(String(buffer: response.body))
                #expect(kept.hasSuffix("# mer\n"))
            }
        }
        let changes = try ChangeLog(try Database(path: path, readOnly: true)).list(modelID: "familjeenheten-2022")
        #expect(changes.map(\.action) == ["model"] && changes[0].subject == "version 2")
    }
}
