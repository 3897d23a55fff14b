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

    static func i18(_ path: String) throws -> I18State {
        let t3 = Period(parsing: "2022-T3")!
        let data = try IndicatorData.load(try Database(path: path, readOnly: true), modelID: "vallingbyteamet")
        // The row status reads: the latest import's (data.observations keeps superseded rows too).
        return I18State(value: ObservationSet(data.observations).get("I18", t3, "total")?.value,
                   pending: data.pending.first { $0.indicator == "I18" && $0.period == t3 }?.value, locked: data.locked.contains(t3))
    }

    @Test func aPeriodIsMarkedReadyLockedAndUnlocked() async throws {
        let path = try CaseAndMeasureUploadTests.database()
        let app = AuthenticationTests.application(database: path)
        let i18: @Sendable () throws -> I18State = { try Self.i18(path) }
        try await app.test(.router) { client in
            let cookie = try await PageTests.signIn(client)
            let headers: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            func open() async throws -> String {
                try await client.execute(uri: Self.page + "?period=2022-T3", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
            }
            var html = try await open()
            let csrf = try Self.hidden("_csrf", in: html)
            func approval(_ action: String, reason: String? = nil) async throws -> HTTPResponse.Status {
                var fields = [("_csrf", csrf), ("period", "2022-T3"), ("action", action)]
                if let reason { fields.append(("reason", reason)) }
                return try await client.execute(uri: Self.page + "/approval", method: .post, headers: headers,
                                                body: Self.form(fields)) { $0.status }
            }
            try await client.execute(uri: Self.page, method: .post, headers: headers,
                                     body: Self.form([("_csrf", csrf), ("period", "2022-T3"), ("version", try Self.hidden("version", in: html)),
                                                      ("action", "save"), ("value:I18:total", "12")])) { #expect($0.status == .seeOther) }
            #expect(try await approval("lock") == .conflict, "locked before it is marked ready")
            #expect(try await approval("ready") == .seeOther)
            html = try await open()
            #expect(html.contains("markerades som klar för godkännande av lokal användare"))
            // A value saved after the period was marked ready: the lock refuses values nobody marked ready.
            try await client.execute(uri: Self.page, method: .post, headers: headers,
                                     body: Self.form([("_csrf", csrf), ("period", "2022-T3"), ("version", try Self.hidden("version", in: html)),
                                                      ("action", "save"), ("value:I18:total", "13")])) { #expect($0.status == .seeOther) }
            try await client.execute(uri: Self.page + "/approval", method: .post, headers: headers,
                                     body: Self.form([("_csrf", csrf), ("period", "2022-T3"), ("action", "lock")])) { response in
                #expect(response.status == .conflict)
                #expect(String(buffer: response.body).contains("Värdena har ändrats sedan perioden markerades som klar"))
            }
            #expect(try i18().locked == false)
            html = try await open()
            try await client.execute(uri: Self.page, method: .post, headers: headers,
                                     body: Self.form([("_csrf", csrf), ("period", "2022-T3"), ("version", try Self.hidden("version", in: html)),
                                                      ("action", "save"), ("value:I18:total", "12")])) { #expect($0.status == .seeOther) }
            #expect(try await approval("ready") == .seeOther)
            #expect(try await approval("lock") == .seeOther)
            html = try await open()
            #expect(html.contains("godkändes och låstes av lokal användare") && html.contains("är godkänd och låst: värdena nedan är de godkända"))
            #expect(html.contains("name=\"value:I18:total\" value=\"12\"") && html.contains(" readonly"))
            #expect(!html.contains("value=\"save\""), "no save button on a locked period")
            #expect(try i18() == I18State(value: 12, pending: nil, locked: true))
            // Editing refused; nothing saved.
            try await client.execute(uri: Self.page, method: .post, headers: headers,
                                     body: Self.form([("_csrf", csrf), ("period", "2022-T3"), ("version", try Self.hidden("version", in: html)),
                                                      ("action", "save"), ("value:I18:total", "13")])) { response in
                #expect(response.status == .conflict)
                #expect(String(buffer: response.body).contains("Perioden är godkänd och låst, så värdena har inte sparats"))
            }
            #expect(try ImportAPITests.imports(path).count == 3)
            // A later import is accepted, and waits beside the locked figure.
            try await client.execute(uri: "/api/v1/models/vallingbyteamet/imports?kind=indicators", method: .post,
                                     headers: ImportAPITests.headers,
                                     body: ImportAPITests.multipart("indicator;period;group;value\nI18;2022-T3;total;15\n", fileName: "sen.csv")) {
                #expect($0.status == .created)
            }
            #expect(try i18() == I18State(value: 12, pending: 15, locked: true), "status reads the approved value; the new one is pending")
            html = try await open()
            #expect(html.contains("ny inläsning väntar: 15") && html.contains("1 värden har lästs in efter godkännandet"))
            // Reports say the figures are approved.
            try await client.execute(uri: "/models/vallingbyteamet/indicators?period=2022-T3", method: .get, headers: [.cookie: cookie]) {
                #expect(String(buffer: $0.body).contains("Värdena för tertial 3 2022 är godkända och låsta."))
            }
            // Unlocking needs a reason, and is recorded with it; the newer value then applies.
            #expect(try await approval("unlock") == .unprocessableContent)
            #expect(try await approval("unlock", reason: "Rättad siffra från enheten") == .seeOther)
            #expect(try i18() == I18State(value: 15, pending: nil, locked: false))
        }
        let changes = try ChangeLog(try Database(path: path, readOnly: true)).list(modelID: "vallingbyteamet")
        #expect(changes.map(\.action) == ["unlock", "import", "lock", "ready", "entry", "entry", "ready", "entry"])
        #expect(changes.allSatisfy { $0.actor == "local" })
        #expect(changes[0].subject == "2022-T3" && changes[0].detail == "Rättad siffra från enheten")
        #expect(changes[2].detail == "1 values")
    }

    /// Saved twice, the form shows the second save; the first values typed again are a
    /// save (not "unchanged"), and the data then hold them.
    @Test func theFormShowsWhatStandsAndCanGoBack() async throws {
        let path = try CaseAndMeasureUploadTests.database()
        let app = AuthenticationTests.application(database: path)
        try await app.test(.router) { client in
            let cookie = try await PageTests.signIn(client)
            let headers: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            for value in ["12", "13", "12"] {
                let html = try await client.execute(uri: Self.page + "?period=2022-T3", method: .get, headers: [.cookie: cookie]) {
                    String(buffer: $0.body)
                }
                try await client.execute(uri: Self.page, method: .post, headers: headers,
                                         body: Self.form([("_csrf", try Self.hidden("_csrf", in: html)), ("period", "2022-T3"),
                                                          ("version", try Self.hidden("version", in: html)), ("action", "save"),
                                                          ("value:I18:total", value)])) { #expect($0.status == .seeOther, "\(value)") }
                let after = try await client.execute(uri: Self.page + "?period=2022-T3", method: .get, headers: [.cookie: cookie]) {
                    String(buffer: $0.body)
                }
                #expect(after.contains("name=\"value:I18:total\" value=\"\(value)\""), "the form shows \(value)")
                #expect(try Self.i18(path).value == Double(value))
            }
            #expect(try ImportAPITests.imports(path).count == 3)
            // A path for a model id is not a model: never read from the server's disk.
            try await client.execute(uri: "/models/x.yaml/entry", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/v1/models/..%2F..%2Fsecret.yaml/imports?kind=indicators", method: .post,
                                     headers: ImportAPITests.headers, body: ImportAPITests.multipart("a;b\n1;2\n")) {
                #expect($0.status == .notFound)
            }
            // The unlock reason is words, never an identity number.
            let html = try await client.execute(uri: Self.page + "?period=2022-T3", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
            let csrf = try Self.hidden("_csrf", in: html)
            for action in ["ready", "lock"] {
                try await client.execute(uri: Self.page + "/approval", method: .post, headers: headers,
                                         body: Self.form([("_csrf", csrf), ("period", "2022-T3"), ("action", action)])) { #expect($0.status == .seeOther) }
            }
            let number = CaseAndMeasureUploadTests.numbers[0]
            try await client.execute(uri: Self.page + "/approval", method: .post, headers: headers,
                                     body: Self.form([("_csrf", csrf), ("period", "2022-T3"), ("action", "unlock"),
                                                      ("reason", "Fel barn \(number) i underlaget")])) { #expect($0.status == .seeOther) }
            // A period the form does not offer cannot be approved.
            try await client.execute(uri: Self.page + "/approval", method: .post, headers: headers,
                                     body: Self.form([("_csrf", csrf), ("period", "2031-T1"), ("action", "ready")])) { #expect($0.status == .badRequest) }
        }
        let reason = try #require(try ChangeLog(try Database(path: path, readOnly: true)).list().first { $0.action == "unlock" }?.detail)
        for form in CaseAndMeasureUploadTests.forms { #expect(!reason.contains(form), "\(reason)") }
        #expect(reason.hasPrefix("Fel barn ") && reason.hasSuffix(" i underlaget"))
    }

    /// A kept value whose import is undone after the lock: status still reads the kept
    /// value, and the removal waits beside it.
    @Test func anUndoneImportOfALockedPeriodIsPending() async throws {
        let path = try CaseAndMeasureUploadTests.database()
        let app = AuthenticationTests.application(database: path)
        try await app.test(.router) { client in
            let cookie = try await PageTests.signIn(client)
            let headers: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            let html = try await client.execute(uri: Self.page + "?period=2022-T3", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
            let csrf = try Self.hidden("_csrf", in: html)
            try await client.execute(uri: Self.page, method: .post, headers: headers,
                                     body: Self.form([("_csrf", csrf), ("period", "2022-T3"), ("version", "none"), ("action", "save"),
                                                      ("value:I18:total", "12")])) { #expect($0.status == .seeOther) }
            for action in ["ready", "lock"] {
                try await client.execute(uri: Self.page + "/approval", method: .post, headers: headers,
                                         body: Self.form([("_csrf", csrf), ("period", "2022-T3"), ("action", action)])) { #expect($0.status == .seeOther) }
            }
            let id = try #require(try ImportAPITests.imports(path).first?.id)
            try await client.execute(uri: "/api/v1/imports/\(id)", method: .delete, headers: WriteAPITests.bearer) { #expect($0.status == .ok) }
            let data = try IndicatorData.load(try Database(path: path, readOnly: true), modelID: "vallingbyteamet")
            let t3 = Period(parsing: "2022-T3")!
            #expect(ObservationSet(data.observations).get("I18", t3, "total")?.value == 12, "the kept value stands")
            let pending = try #require(data.pending.first { $0.indicator == "I18" && $0.period == t3 })
            #expect(pending.value == nil && pending.numerator == nil && pending.denominator == nil)
            try await client.execute(uri: Self.page + "?period=2022-T3", method: .get, headers: [.cookie: cookie]) {
                #expect(String(buffer: $0.body).contains("värdet har tagits bort efter godkännandet"))
            }
        }
    }

    /// A value that brings a warning (a percentage over 100) is shown before it is saved;
    /// saved once the person has seen the warning for these values.
    @Test func warningsAreShownBeforeSaving() async throws {
        let path = try CaseAndMeasureUploadTests.database()
        let app = AuthenticationTests.application(database: path)
        try await app.test(.router) { client in
            let cookie = try await PageTests.signIn(client)
            let headers: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            let html = try await client.execute(uri: Self.page + "?period=2022-T3", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
            let base = [("_csrf", try Self.hidden("_csrf", in: html)), ("period", "2022-T3"), ("version", try Self.hidden("version", in: html)),
                        ("action", "save"), ("value:I20:total", "120")]
            let confirm = try await client.execute(uri: Self.page, method: .post, headers: headers, body: Self.form(base)) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("Inget är sparat ännu: värdena har varningar") && page.contains("lies outside 0–100"))
                #expect(page.contains(">Spara ändå</button>"))
                return try Self.hidden("confirmed", in: page)
            }
            #expect(try ImportAPITests.imports(path).isEmpty)
            // Other values than those whose warnings were seen: shown again.
            try await client.execute(uri: Self.page, method: .post, headers: headers,
                                     body: Self.form(base.map { $0.0 == "value:I20:total" ? ($0.0, "130") : $0 } + [("confirmed", confirm)])) {
                #expect(String(buffer: $0.body).contains("Spara ändå"))
            }
            try await client.execute(uri: Self.page, method: .post, headers: headers, body: Self.form(base + [("confirmed", confirm)])) {
                #expect($0.status == .seeOther)
            }
            #expect(try ImportAPITests.imports(path).count == 1)
        }
    }

    @Test func theFormIsWrittenAsAnObservationFile() {
        #expect(ValueEntry.cell("rad 1\rrad 2\u{2028}rad 3\ttab") == "rad 1 rad 2 rad 3 tab")
        #expect(ValueEntry.same(.init(value: "41", note: " a "), .init(value: "41,0", note: "a")))
        #expect(!ValueEntry.same(.init(value: "41"), .init(value: "42")))
        #expect(ValueEntry.cell("41,5") == "\"41,5\"")
        #expect(ValueEntry.cell("sa \"hej\"; sen") == "\"sa \"\"hej\"\"; sen\"")
        #expect(ValueEntry.cell("rad 1\nrad 2") == "rad 1 rad 2")
        #expect(ValueEntry.text(82) == "82" && ValueEntry.text(0.5) == "0,5")
        #expect(ValueEntry.version([]) == "none")
        #expect(ValueEntry.field(column: 4) == "value" && ValueEntry.field(column: 6) == "denominator" && ValueEntry.field(column: 2) == nil)
    }
}

/// I18 in tertial 3 2022 as status reads it: its value, a pending newer value, whether locked.
struct I18State: Equatable {
    var value: Double?
    var pending: Double?
    var locked: Bool
}
