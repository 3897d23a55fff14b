import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Store
import Testing
@testable import Web

/// A measure's baseline set on the improvement page: the select offers the measure's
/// points (not its first or last), a save is the setting `measures baseline` makes and
/// the reports read, "Ingen baslinje" takes it away, and a point that is no longer
/// stored is refused with the reason, changing nothing.
@Suite struct BaselineFormTests {
    @Test func aBaselineIsSetAndTakenAwayFromTheImprovementPage() async throws {
        let path = try CaseAndMeasureUploadTests.database()
        do {
            let db = try Database(path: path)
            let csv = PageTests.repository.appendingPathComponent("Datasets/vallingbyteamet/genombrott-familjerad-avslutad-placering.csv").path
            _ = try MeasureImporter(db).importFile(path: csv, measure: "familjerad-vid-avslutad-placering", value: "erbjudna",
                                                  denominator: "avslutade", title: "Familjerådslag vid avslutad placering")
        }
        let app = AuthenticationTests.application(database: path)
        let action = "/models/vallingbyteamet/measures/familjerad-vid-avslutad-placering/baseline"
        try await app.test(.router) { client in
            let cookie = try await PageTests.signIn(client)
            let headers: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            let csrf = try await client.execute(uri: "/models/vallingbyteamet/improvement", method: .get, headers: [.cookie: cookie]) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(html.contains("<label for=\"baseline-familjerad-vid-avslutad-placering\">Baslinjens sista mätpunkt för Familjerådslag vid avslutad placering</label>"))
                #expect(html.contains("<option value=\"\" selected>Ingen baslinje (alla punkter)</option>"))
                // 2020-09 is the first point and 2021-12 the last: neither is offered.
                #expect(html.contains("<option value=\"2021-03-01\">2021-03</option>"))
                #expect(!html.contains("<option value=\"2020-09-01\">") && !html.contains("<option value=\"2021-12-01\">"))
                return try EntryTests.hidden("_csrf", in: html)
            }
            try await client.execute(uri: action, method: .post, headers: headers,
                                     body: EntryTests.form([("_csrf", csrf), ("through", "2021-03-01")])) { #expect($0.status == .seeOther) }
            #expect(try MeasureTable(try Database(path: path, readOnly: true)).baseline(of: "familjerad-vid-avslutad-placering") == "2021-03-01")
            try await client.execute(uri: "/models/vallingbyteamet/improvement", method: .get, headers: [.cookie: cookie]) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Baslinjen för Familjerådslag vid avslutad placering slutar nu 2021-03."))
                #expect(html.contains("<option value=\"2021-03-01\" selected>2021-03</option>"))
                // The chart above reads it, as the final report does.
                #expect(html.contains("räknas på baslinjen, de 7 mätpunkterna september 2020 – mars 2021"))
            }
            // A point not stored: refused with why, the baseline kept.
            try await client.execute(uri: action, method: .post, headers: headers,
                                     body: EntryTests.form([("_csrf", csrf), ("through", "2030-01-01")])) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/models/vallingbyteamet/improvement", method: .get, headers: [.cookie: cookie]) { response in
                #expect(String(buffer: response.body).contains("sparades inte: mätpunkten finns inte längre bland måttets värden"))
            }
            #expect(try MeasureTable(try Database(path: path, readOnly: true)).baseline(of: "familjerad-vid-avslutad-placering") == "2021-03-01")
            // Taken away; an unknown measure is not found; without the CSRF token, refused.
            try await client.execute(uri: action, method: .post, headers: headers,
                                     body: EntryTests.form([("_csrf", csrf), ("through", "")])) { #expect($0.status == .seeOther) }
            #expect(try MeasureTable(try Database(path: path, readOnly: true)).baseline(of: "familjerad-vid-avslutad-placering") == nil)
            try await client.execute(uri: "/models/vallingbyteamet/measures/ingen/baseline", method: .post, headers: headers,
                                     body: EntryTests.form([("_csrf", csrf), ("through", "")])) { #expect($0.status == .notFound) }
            try await client.execute(uri: action, method: .post, headers: headers,
                                     body: EntryTests.form([("through", "2021-03-01")])) { #expect($0.status == .forbidden) }
        }
        let changes = try ChangeLog(try Database(path: path, readOnly: true)).list(modelID: "vallingbyteamet")
        #expect(changes.map(\.action) == ["baseline", "baseline"] && changes.map(\.detail) == ["no baseline", "baseline through 2021-03"])
    }
}
