import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Presentation
import Store
import Testing
@testable import Web

/// The API twins of the model editor, the PDSA form and the approval buttons (DESIGN §8:
/// writes mirror every form): answers as the CLI's JSON, located errors, conflicts.
@Suite struct WriteAPITests {
    static let bearer: HTTPFields = [.authorization: "Bearer \(AuthenticationTests.token.value)"]

    static func object(_ buffer: ByteBuffer) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: buffer)) as! [String: Any]
    }

    @Test func aModelVersionIsStoredAsModelAddStoresIt() async throws {
        let path = try PageTests.database()
        let app = AuthenticationTests.application(database: path)
        let stored = try ModelCatalog(try Database(path: path, readOnly: true)).resolveStored("familjeenheten-2022").document.content
        let renamed = stored.replacingOccurrences(of: "name: Familjeenheten, verksamhetsberättelse 2022", with: "name: Familjeenheten 2022 (API)")
        let uri = "/api/v1/models/familjeenheten-2022/versions"
        try await app.test(.router) { client in
            try await client.execute(uri: uri, method: .post, headers: Self.bearer, body: ByteBuffer(string: stored)) { response in
                #expect(response.status == .ok)
                let answer = try Self.object(response.body)
                #expect(answer["outcome"] as? String == "unchanged")
            }
            try await client.execute(uri: uri + "?based_on=1", method: .post, headers: Self.bearer, body: ByteBuffer(string: renamed)) { response in
                #expect(response.status == .created)
                let added = try ModelCatalog(try Database(path: path)).add(content: renamed, name: "model.yaml")
                // Byte for byte what `model add --format json` prints for the same text.
                let expected = try ResultJSON.data(AddListing(id: "familjeenheten-2022", outcome: .added(version: 2), warnings: added.warnings))
                #expect(Data(buffer: response.body) == expected)
            }
            try await client.execute(uri: uri + "?based_on=1", method: .post, headers: Self.bearer,
                                     body: ByteBuffer(string: renamed + "\n# igen\n")) { #expect($0.status == .conflict) }
            try await client.execute(uri: uri, method: .post, headers: Self.bearer,
                                     body: ByteBuffer(string: stored.replacingOccurrences(of: "\nname:", with: "\nnamn:"))) { response in
                #expect(response.status == .unprocessableContent)
                let errors = try #require(try Self.object(response.body)["errors"] as? [String])
                #expect(errors.contains { $0.contains("did you mean `name`") })
            }
            try await client.execute(uri: uri, method: .post, headers: Self.bearer,
                                     body: ByteBuffer(string: stored.replacingOccurrences(of: "id: familjeenheten-2022", with: "id: annan"))) {
                #expect($0.status == .unprocessableContent)
            }
            try await client.execute(uri: "/api/v1/models/x.yaml/versions", method: .post, headers: Self.bearer,
                                     body: ByteBuffer(string: stored)) { #expect($0.status == .notFound) }
        }
        let versions = try ModelCatalog(try Database(path: path, readOnly: true)).versions(of: "familjeenheten-2022")
        #expect(versions.count == 2)
    }

    @Test func aCycleAndAnApprovalThroughTheAPI() async throws {
        let path = try CaseAndMeasureUploadTests.database()
        let app = AuthenticationTests.application(database: path)
        let cycle = """
            schema: piloteval/pdsa/v1
            id: api-1
            title: Genom API:t
            model: vallingbyteamet
            activity: A6
            change_idea: En påminnelse
            plan:
              prediction: Fler tidsplaner
            do:
              start: 2021-09-01

            """
        try await app.test(.router) { client in
            let uri = "/api/v1/models/vallingbyteamet/cycles"
            try await client.execute(uri: uri, method: .post, headers: Self.bearer, body: ByteBuffer(string: cycle)) { response in
                #expect(response.status == .created)
                let listing = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as! [[String: Any]]
                #expect(listing.first?["id"] as? String == "api-1" && listing.first?["version"] as? Int == 1)
            }
            let closed = cycle + "act:\n  decision: adopt\n"
            try await client.execute(uri: uri + "?version=1", method: .post, headers: Self.bearer,
                                     body: ByteBuffer(string: closed.replacingOccurrences(of: "  start: 2021-09-01\n", with: "  start: 2021-09-01\n  end: 2021-10-01\n"))) {
                #expect($0.status == .created)
            }
            try await client.execute(uri: uri + "?version=1", method: .post, headers: Self.bearer,
                                     body: ByteBuffer(string: cycle.replacingOccurrences(of: "Fler tidsplaner", with: "Något annat"))) {
                #expect($0.status == .conflict)
            }
            try await client.execute(uri: uri, method: .post, headers: Self.bearer,
                                     body: ByteBuffer(string: cycle.replacingOccurrences(of: "model: vallingbyteamet", with: "model: annan"))) {
                #expect($0.status == .unprocessableContent)
            }
            let period = "/api/v1/models/vallingbyteamet/periods/2022-T3/approval"
            for (action, status, state) in [("lock", HTTPResponse.Status.conflict, nil), ("ready", .ok, "ready"), ("lock", .ok, "locked"),
                                             ("lock", .conflict, nil), ("unlock", .badRequest, nil)] as [(String, HTTPResponse.Status, String?)] {
                try await client.execute(uri: period + "?action=\(action)", method: .post, headers: Self.bearer) { response in
                    #expect(response.status == status, "\(action)")
                    if let state {
                        let answer = try Self.object(response.body)
                        #expect(answer["state"] as? String == state)
                    }
                }
            }
            try await client.execute(uri: period + "?action=unlock&reason=R%C3%A4ttad", method: .post, headers: Self.bearer) { response in
                #expect(response.status == .ok)
                let answer = try Self.object(response.body)
                #expect(answer["state"] as? String == "open")
            }
        }
        let db = try Database(path: path, readOnly: true)
        let stored = try PDSACatalog(db).cycle("api-1")
        #expect(stored.decision == .adopt)
        let actions = try ChangeLog(db).list(modelID: "vallingbyteamet").map(\.action)
        #expect(actions == ["unlock", "lock", "ready", "pdsa", "pdsa"])
    }
}
