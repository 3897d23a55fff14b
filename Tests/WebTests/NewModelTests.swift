import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Store
import Testing
@testable import Web

/// A new pilot from the starter model (issue 23): a mistake is located to its field
/// with what was typed kept; a valid one is stored as version 1 and opened in the editor.
@Suite struct NewModelTests {
    @Test func aPilotIsCreatedFromTheStarter() async throws {
        let path = try PageTests.database()
        let app = AuthenticationTests.application(database: path)
        try await app.test(.router) { client in
            let cookie = try await PageTests.signIn(client)
            let headers: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            let csrf = try await client.execute(uri: "/models/new", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                return try EntryTests.hidden("_csrf", in: String(buffer: response.body))
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) {
                #expect(String(buffer: $0.body).contains("href=\"/models/new\""))
            }
            var fields = [("_csrf", csrf), ("id", "rinkebyteamet"), ("name", "Socialtjänst \"Rinkeby\": teamet"), ("start", "2024-01-01"),
                          ("end", "2023-13-40")]
            try await client.execute(uri: "/models/new", method: .post, headers: headers, body: EntryTests.form(fields)) { response in
                #expect(response.status == .unprocessableContent)
                let html = String(buffer: response.body)
                #expect(html.contains("id=\"new-end\" name=\"end\" value=\"2023-13-40\"") && html.contains("id=\"new-end-error\""))
                #expect(html.contains("value=\"Socialtjänst &quot;Rinkeby&quot;: teamet\""))
            }
            fields[4] = ("end", "2025-12-31")
            try await client.execute(uri: "/models/new", method: .post, headers: headers, body: EntryTests.form(fields)) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/models/rinkebyteamet/logic-model/edit")
            }
            // The same id again: refused.
            try await client.execute(uri: "/models/new", method: .post, headers: headers, body: EntryTests.form(fields)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("Det finns redan en modell med kortnamnet rinkebyteamet"))
            }
            try await client.execute(uri: "/models/rinkebyteamet", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .ok) }
            // `new` is the page's own address.
            try await client.execute(uri: "/models/new", method: .post, headers: headers,
                                     body: EntryTests.form(fields.map { $0.0 == "id" ? ("id", "new") : $0 })) {
                #expect($0.status == .unprocessableContent)
            }
        }
        let model = try ModelCatalog(try Database(path: path, readOnly: true)).resolve("rinkebyteamet")
        #expect(model.name == "Socialtjänst \"Rinkeby\": teamet" && model.period?.end.iso == "2025-12-31")
        #expect(model.goals.count == 1 && model.indicators.count == 1 && model.activities.count == 1)
    }
}
