import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Periods
import Store
import Testing
@testable import Web

/// Entering a tertial's values in the browser (issue 23): a mistake is located to its
/// field with nothing saved and what was typed kept; a save is one import whose values
/// the indicator data then holds; a save from a form opened before someone else saved is
/// refused, what was typed kept.
@Suite struct EntryTests {
    static let page = "/models/vallingbyteamet/entry"

    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return ByteBuffer(string: fields.map { name, value in
            name.addingPercentEncoding(withAllowedCharacters: allowed)! + "=" + value.addingPercentEncoding(withAllowedCharacters: allowed)!
        }.joined(separator: "&"))
    }

    static func hidden(_ name: String, in html: String) throws -> String {
        let marker = "name=\"\(name)\" value=\""
        let start = try #require(html.range(of: marker)).upperBound
        return String(html[start...].prefix { $0 != "\"" })
    }

    @Test func aTertialIsCheckedSavedAndGuardedAgainstOverwrites() async throws {
        let path = try CaseAndMeasureUploadTests.database()
        let app = AuthenticationTests.application(database: path)
        try await app.test(.router) { client in
            let cookie = try await PageTests.signIn(client)
            let headers: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            let (csrf, version) = try await client.execute(uri: Self.page + "?period=2022-T3", method: .get,
                                                           headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                // I20 (percent, girls and boys) and I18 (a count: a value only) are entered by hand in tertials.
                #expect(html.contains("name=\"numerator:I20:girls\"") && html.contains("name=\"value:I18:total\""))
                #expect(!html.contains("name=\"numerator:I18:total\""), "a count has no numerator")
                #expect(html.contains(">flickor</th>"), "groups by their Swedish names")
                // I11 comes from the case extract: listed, not an input.
                #expect(html.contains("I11 ") && !html.contains(":I11:"))
                return (try Self.hidden("_csrf", in: html), try Self.hidden("version", in: html))
            }
            #expect(version == "none")
            let base: [(String, String)] = [("_csrf", csrf), ("period", "2022-T3"), ("version", version)]
            // A mistake: located to its field, nothing saved, what was typed kept.
            try await client.execute(uri: Self.page, method: .post, headers: headers,
                                     body: Self.form(base + [("action", "save"), ("value:I18:total", "tolv"),
                                                             ("numerator:I20:total", "41"), ("denominator:I20:total", "50")])) { response in
                #expect(response.status == .unprocessableContent)
                let html = String(buffer: response.body)
                #expect(html.contains("id=\"f-value-I18-total\" name=\"value:I18:total\" value=\"tolv\""))
                #expect(html.contains("aria-invalid=\"true\" aria-describedby=\"f-value-I18-total-error\""))
                #expect(html.contains("href=\"#f-value-I18-total\""), "the summary links to the field")
                #expect(html.contains("name=\"numerator:I20:total\" value=\"41\""), "the other values kept")
            }
            let none = try ImportAPITests.imports(path)
            #expect(none.isEmpty)
            // Checked: nothing saved.
            try await client.execute(uri: Self.page, method: .post, headers: headers,
                                     body: Self.form(base + [("action", "check"), ("value:I18:total", "12"),
                                                             ("numerator:I20:total", "41"), ("denominator:I20:total", "50")])) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Kontrollerat: 2 rader utan fel"))
            }
            #expect(try ImportAPITests.imports(path).isEmpty)
            // Saved: one import; the data hold 41/50 = 82 % and 12.
            try await client.execute(uri: Self.page, method: .post, headers: headers,
                                     body: Self.form(base + [("action", "save"), ("value:I18:total", "12"),
                                                             ("numerator:I20:total", "41"), ("denominator:I20:total", "50"),
                                                             ("note:I20:total", "Ur akterna; 50 utredningar")])) { response in
                #expect(response.status == .seeOther)
            }
            let record = try #require(try ImportAPITests.imports(path).first)
            #expect(record.kind == "indicators" && record.rowCount == 2 && record.fileName == "formular-2022-T3.csv")
            let data = try IndicatorData.load(try Database(path: path, readOnly: true), modelID: "vallingbyteamet")
            let t3 = Period(parsing: "2022-T3")!
            let i20 = try #require(data.observations.first { $0.indicator == "I20" && $0.period == t3 && $0.group == "total" })
            #expect(i20.figure(unit: .percent) == 82 && i20.note == "Ur akterna; 50 utredningar")
            #expect(data.observations.first { $0.indicator == "I18" && $0.period == t3 }?.value == 12)
            // Said once; the stored values fill the form; the version moved on.
            let newVersion = try await client.execute(uri: Self.page + "?period=2022-T3", method: .get, headers: [.cookie: cookie]) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Sparat: 2 värden för tertial 3 2022."))
                #expect(html.contains("name=\"numerator:I20:total\" value=\"41\""))
                return try Self.hidden("version", in: html)
            }
            #expect(newVersion == "\(record.id)")
            // A form opened before that save: refused, what was typed kept, what is saved shown.
            try await client.execute(uri: Self.page, method: .post, headers: headers,
                                     body: Self.form(base + [("action", "save"), ("value:I18:total", "13")])) { response in
                #expect(response.status == .conflict)
                let html = String(buffer: response.body)
                #expect(html.contains("Någon annan har sparat värden för perioden"))
                #expect(html.contains("name=\"value:I18:total\" value=\"13\"") && html.contains("sparat nu: 12"))
                let kept = try Self.hidden("version", in: html)
                #expect(kept == newVersion, "a second save, after comparing, is deliberate")
            }
            #expect(try ImportAPITests.imports(path).count == 1)
            // The same values again: nothing changes.
            try await client.execute(uri: Self.page, method: .post, headers: headers,
                                     body: Self.form([("_csrf", csrf), ("period", "2022-T3"), ("version", newVersion), ("action", "save"),
                                                      ("value:I18:total", "12"), ("numerator:I20:total", "41"), ("denominator:I20:total", "50"),
                                                      ("note:I20:total", "Ur akterna; 50 utredningar")])) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Värdena är desamma som redan är sparade"))
            }
            // Without the CSRF token: refused.
            try await client.execute(uri: Self.page, method: .post, headers: headers,
                                     body: Self.form([("period", "2022-T3"), ("action", "save"), ("value:I18:total", "1")])) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func theFormIsWrittenAsAnObservationFile() {
        #expect(ValueEntry.cell("41,5") == "\"41,5\"")
        #expect(ValueEntry.cell("sa \"hej\"; sen") == "\"sa \"\"hej\"\"; sen\"")
        #expect(ValueEntry.cell("rad 1\nrad 2") == "rad 1 rad 2")
        #expect(ValueEntry.text(82) == "82" && ValueEntry.text(0.5) == "0,5")
        #expect(ValueEntry.version([]) == "none")
        #expect(ValueEntry.field(column: 4) == "value" && ValueEntry.field(column: 6) == "denominator" && ValueEntry.field(column: 2) == nil)
    }
}
