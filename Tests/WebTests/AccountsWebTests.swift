import Accounts
import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Store
import Testing
@testable import Web

/// A shared server (issue 24): with accounts the link's token is off, people sign in, a
/// pilot without a role does not exist for them, roles decide what they may do, readers
/// get the public audience, and sign-ins, views and changes are in the access log.
@Suite struct AccountsWebTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// Two pilots; anna edits vallingbyteamet, styr reads it, it-admin runs everything.
    static func database() throws -> String {
        let path = try CaseAndMeasureUploadTests.database()
        let db = try Database(path: path)
        _ = try ModelCatalog(db).add(path: PageTests.repository.appendingPathComponent("Models/familjeenheten-2022.yaml").path)
        let users = UserDirectory(db, cost: 4)
        try users.add(name: "anna", password: "annas långa lösenord", role: .editor, pilots: ["vallingbyteamet"], actor: "test")
        try users.add(name: "styr", password: "styrgruppens lösenord", role: .reader, pilots: ["vallingbyteamet"], actor: "test")
        try users.add(name: "it-admin", password: "administratörens ord", role: .admin, pilots: [], actor: "test")
        return path
    }

    static func signIn(_ client: some TestClientProtocol, _ name: String, _ password: String) async throws -> String {
        try await client.execute(uri: "/login", method: .post, headers: form,
                                 body: EntryTests.form([("username", name), ("password", password)])) { response in
            #expect(response.status == .seeOther)
            return String(try #require(response.headers[.setCookie]).split(separator: ";")[0])
        }
    }

    @Test func signingInReplacesTheLinkAndEveryTryIsLogged() async throws {
        let path = try Self.database()
        let app = AuthenticationTests.application(database: path)
        try await app.test(.router) { client in
            // The printed link's token is off; a page leads to the sign-in, the API answers 401.
            try await client.execute(uri: "/?token=\(AuthenticationTests.token.value)", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/api/v1/models", method: .get,
                                     headers: [.authorization: "Bearer \(AuthenticationTests.token.value)"]) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/models/vallingbyteamet", method: .get) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/login?next=%2Fmodels%2Fvallingbyteamet")
            }
            try await client.execute(uri: "/login?next=%2Fmodels%2Fvallingbyteamet", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok && html.contains("name=\"username\"") && html.contains("type=\"password\""))
                #expect(html.contains("name=\"next\" value=\"/models/vallingbyteamet\""))
            }
            // A wrong password and an unknown name answer alike, keeping the name typed.
            for (name, password) in [("anna", "fel lösenord här"), ("okänd", "annas långa lösenord")] {
                try await client.execute(uri: "/login", method: .post, headers: Self.form,
                                         body: EntryTests.form([("username", name), ("password", password)])) { response in
                    #expect(response.status == .unauthorized && response.headers[.setCookie] == nil)
                    let html = String(buffer: response.body)
                    #expect(html.contains("Fel användarnamn eller lösenord, eller så är kontot tillfälligt låst"))
                    #expect(html.contains("value=\"\(name)\""))
                }
            }
            // A cross-site post is refused by what the browser says of it; a same-origin one (Origin
            // "null" under the no-referrer policy) is not.
            for headers: HTTPFields in [[.origin: "https://annan.example"], [.secFetchSite: "cross-site", .origin: "null"]] {
                try await client.execute(uri: "/login", method: .post, headers: Self.form + headers,
                                         body: EntryTests.form([("username", "anna"), ("password", "annas långa lösenord")])) {
                    #expect($0.status == .forbidden)
                }
            }
            try await client.execute(uri: "/login", method: .post, headers: Self.form + [.secFetchSite: "same-origin", .origin: "null"],
                                     body: EntryTests.form([("username", "anna"), ("password", "annas långa lösenord")])) {
                #expect($0.status == .seeOther)
            }
            // Signing in starts a new session (never the one the browser came with), back to `next`.
            let first = try await Self.signIn(client, "anna", "annas långa lösenord")
            let second = try await client.execute(uri: "/login", method: .post, headers: Self.form + [.cookie: first],
                                                  body: EntryTests.form([("username", "anna"), ("password", "annas långa lösenord"),
                                                                         ("next", "/models/vallingbyteamet")])) { response in
                #expect(response.headers[.location] == "/models/vallingbyteamet")
                return String(try #require(response.headers[.setCookie]).split(separator: ";")[0])
            }
            #expect(first != second)
            try await client.execute(uri: "/", method: .get, headers: [.cookie: first]) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: second]) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok && html.contains("Inloggad som anna.") && html.contains("href=\"/logout\""))
            }
            // Signing out ends it (with the session's CSRF token, as every form).
            let csrf = try await client.execute(uri: "/logout", method: .get, headers: [.cookie: second]) {
                try EntryTests.hidden("_csrf", in: String(buffer: $0.body))
            }
            try await client.execute(uri: "/logout", method: .post, headers: Self.form + [.cookie: second],
                                     body: EntryTests.form([("_csrf", csrf)])) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: second]) { #expect($0.status == .seeOther) }
        }
        let log = try AccessLog(try Database(path: path, readOnly: true)).list().filter { !$0.action.hasPrefix("user_") }
        #expect(log.map(\.action) == ["login_failed", "login_failed", "login", "login", "login", "logout"])
        #expect(log.map(\.user) == ["anna", "unknown", "anna", "anna", "anna", "anna"])   // a name that is no account is not logged as typed
    }

    @Test func rolesDecideWhatExistsAndWhatMayBeDone() async throws {
        let path = try Self.database()
        let app = AuthenticationTests.application(database: path)
        try await app.test(.router) { client in
            let styr = try await Self.signIn(client, "styr", "styrgruppens lösenord")
            // A pilot without a role does not exist: page, API, and the start page's list.
            try await client.execute(uri: "/models/familjeenheten-2022", method: .get, headers: [.cookie: styr]) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: styr]) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("/models/vallingbyteamet") && !html.contains("/models/familjeenheten-2022"))
            }
            // A reader reads under the public audience: no internal marking, no entry form, no case-level API.
            try await client.execute(uri: "/models/vallingbyteamet", method: .get, headers: [.cookie: styr]) { response in
                #expect(response.status == .ok && !String(buffer: response.body).contains("Intern handling"))
            }
            try await client.execute(uri: "/models/vallingbyteamet/entry", method: .get, headers: [.cookie: styr]) { #expect($0.status == .forbidden) }
            // …and is not offered what the role does not allow: no entry or imports in the
            // navigation, no edit links, no form to make a report.
            for page in ["/models/vallingbyteamet/logic-model", "/models/vallingbyteamet/reports", "/models/vallingbyteamet/improvement"] {
                try await client.execute(uri: page, method: .get, headers: [.cookie: styr]) { response in
                    let html = String(buffer: response.body)
                    #expect(response.status == .ok, "\(page)")
                    for link in ["/entry\"", "/imports\"", "/logic-model/edit\"", "/logic-model/indicators/", "/cycles/new\"", "name=\"kind\""] {
                        #expect(!html.contains(link), "\(page) offers \(link) to a reader")
                    }
                }
            }
            try await client.execute(uri: "/models/vallingbyteamet/pilot-vs-line", method: .get, headers: [.cookie: styr]) { #expect($0.status == .ok) }
            // The editor: enters values, may not lock.
            let anna = try await Self.signIn(client, "anna", "annas långa lösenord")
            let html = try await client.execute(uri: EntryTests.page + "?period=2022-T3", method: .get, headers: [.cookie: anna]) { response in
                #expect(response.status == .ok)
                return String(buffer: response.body)
            }
            let csrf = try EntryTests.hidden("_csrf", in: html)
            try await client.execute(uri: EntryTests.page, method: .post, headers: Self.form + [.cookie: anna],
                                     body: EntryTests.form([("_csrf", csrf), ("period", "2022-T3"), ("version", try EntryTests.hidden("version", in: html)),
                                                            ("action", "save"), ("value:I18:total", "12")])) { #expect($0.status == .seeOther) }
            func approval(_ cookie: String, _ token: String, _ action: String) async throws -> HTTPResponse.Status {
                try await client.execute(uri: EntryTests.page + "/approval", method: .post, headers: Self.form + [.cookie: cookie],
                                         body: EntryTests.form([("_csrf", token), ("period", "2022-T3"), ("action", action)])) { $0.status }
            }
            #expect(try await approval(anna, csrf, "ready") == .seeOther)
            // The editor is not offered the lock, and a forged one is refused.
            try await client.execute(uri: EntryTests.page + "?period=2022-T3", method: .get, headers: [.cookie: anna]) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("Att låsa eller låsa upp perioden gör den som godkänner") && !page.contains("value=\"lock\""))
            }
            #expect(try await approval(anna, csrf, "lock") == .forbidden)
            // The reader may not save either (a forged form is refused by role, not only by CSRF).
            let styrCSRF = try await client.execute(uri: "/logout", method: .get, headers: [.cookie: styr]) {
                try EntryTests.hidden("_csrf", in: String(buffer: $0.body))
            }
            #expect(try await approval(styr, styrCSRF, "ready") == .forbidden)
            // An approver role granted while signed in takes effect at once.
            try UserDirectory(try Database(path: path), cost: 4).grant(name: "anna", role: .approver, pilot: "vallingbyteamet", actor: "it-admin")
            #expect(try await approval(anna, csrf, "lock") == .seeOther)
            // API: a user's token, its pilots only; the reader's case-level reads refused.
            let token = try UserDirectory(try Database(path: path), cost: 4).makeToken(name: "styr", actor: "it-admin")
            try await client.execute(uri: "/api/v1/models", method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
                let ids = (try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])?.compactMap { $0["id"] as? String }
                #expect(ids == ["vallingbyteamet"])
            }
            try await client.execute(uri: "/api/v1/models/familjeenheten-2022", method: .get,
                                     headers: [.authorization: "Bearer \(token)"]) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/v1/models/vallingbyteamet/cases/compare?outcome=days_to_assessment", method: .get,
                                     headers: [.authorization: "Bearer \(token)"]) { #expect($0.status == .forbidden) }
            // A survey belongs to the pilots whose indicators read it: through a pilot that
            // reads none, the stored Vällingby survey does not exist.
            try UserDirectory(try Database(path: path), cost: 4).grant(name: "styr", role: .reader, pilot: "familjeenheten-2022", actor: "it-admin")
            try await client.execute(uri: "/api/v1/models/familjeenheten-2022/readiness/summary?instrument=vallingbyteamet-readiness", method: .get,
                                     headers: [.authorization: "Bearer \(token)"]) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("no instrument \\\"vallingbyteamet-readiness\\\" is read by familjeenheten-2022"))
            }
            // Through the pilot that reads it, the survey is there (no wave is loaded in this database).
            try await client.execute(uri: "/api/v1/models/vallingbyteamet/readiness/summary?instrument=vallingbyteamet-readiness", method: .get,
                                     headers: [.authorization: "Bearer \(token)"]) { response in
                #expect(String(buffer: response.body).contains("no waves of vallingbyteamet-readiness"))
            }
            try UserDirectory(try Database(path: path), cost: 4).disable(name: "styr", actor: "it-admin")
            try await client.execute(uri: "/api/v1/models", method: .get, headers: [.authorization: "Bearer \(token)"]) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: styr]) { #expect($0.status == .seeOther) }
        }
        let log = try AccessLog(try Database(path: path, readOnly: true)).list()
        #expect(log.contains { $0.user == "styr" && $0.action == "view" && $0.pilot == "vallingbyteamet" && $0.what == "pilot vs line" })
        #expect(log.contains { $0.user == "anna" && $0.action == "entry" } && log.contains { $0.user == "anna" && $0.action == "lock" })
        #expect(try ChangeLog(try Database(path: path, readOnly: true)).list(modelID: "vallingbyteamet").first?.actor == "anna")
    }

    /// Found by Tests/security: the logic model editor's check answered any account on
    /// any address (a reader, a pilot without a role, no pilot at all), and an undo
    /// through the API was logged without the pilot it was undone for.
    @Test func theEditorsCheckIsAnEditorsAndAnAPIUndoNamesItsPilot() async throws {
        let path = try Self.database()
        let app = AuthenticationTests.application(database: path)
        try await app.test(.router) { client in
            let styr = try await Self.signIn(client, "styr", "styrgruppens lösenord")
            let anna = try await Self.signIn(client, "anna", "annas långa lösenord")
            func check(_ cookie: String, _ pilot: String) async throws -> HTTPResponse.Status {
                let csrf = try await client.execute(uri: "/logout", method: .get, headers: [.cookie: cookie]) {
                    try EntryTests.hidden("_csrf", in: String(buffer: $0.body))
                }
                return try await client.execute(uri: "/models/\(pilot)/logic-model/check", method: .post, headers: Self.form + [.cookie: cookie],
                                                body: EntryTests.form([("_csrf", csrf), ("yaml", "schema: nej")])) { $0.status }
            }
            #expect(try await check(styr, "vallingbyteamet") == .forbidden)
            #expect(try await check(styr, "familjeenheten-2022") == .notFound)
            #expect(try await check(styr, "ingen-sadan-pilot") == .notFound)
            #expect(try await check(anna, "familjeenheten-2022") == .notFound)
            #expect(try await check(anna, "vallingbyteamet") == .ok)
            // An import through the API and its undo, by anna's token.
            let token = try UserDirectory(try Database(path: path), cost: 4).makeToken(name: "anna", actor: "test")
            let csv = "model,indicator,period,group,value,numerator,denominator,note\nvallingbyteamet,I18,2022-T1,total,12,,,\n"
            let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "multipart/form-data; boundary=\(ImportAPITests.boundary)"]
            let id = try await client.execute(uri: "/api/v1/models/vallingbyteamet/imports?kind=indicators", method: .post, headers: headers,
                                              body: ImportAPITests.multipart(csv)) { response in
                #expect(response.status == .created)
                return try #require((try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])?["id"] as? Int)
            }
            try await client.execute(uri: "/api/v1/imports/\(id)", method: .delete, headers: [.authorization: "Bearer \(token)"]) {
                #expect($0.status == .ok)
            }
        }
        let log = try AccessLog(try Database(path: path, readOnly: true)).list()
        #expect(log.filter { $0.user == "anna" && $0.action == "undo" }.map(\.pilot) == ["vallingbyteamet"])
    }

    @Test func anAdministratorReviewsTheAccessLog() async throws {
        let path = try Self.database()
        let app = AuthenticationTests.application(database: path)
        try await app.test(.router) { client in
            let styr = try await Self.signIn(client, "styr", "styrgruppens lösenord")
            try await client.execute(uri: "/admin/audit", method: .get, headers: [.cookie: styr]) { #expect($0.status == .notFound) }
            let admin = try await Self.signIn(client, "it-admin", "administratörens ord")
            try await client.execute(uri: "/", method: .get, headers: [.cookie: admin]) {
                #expect(String(buffer: $0.body).contains("href=\"/admin/audit\">Åtkomstlogg</a>"))
            }
            try await client.execute(uri: "/admin/audit?user=styr", method: .get, headers: [.cookie: admin]) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok && html.contains("Visar de 1 senaste av 1 poster."))
                #expect(html.contains("<td>styr</td>") || html.contains(">styr</td>"))
            }
            try await client.execute(uri: "/admin/audit.csv", method: .get, headers: [.cookie: admin]) { response in
                let lines = String(buffer: response.body).components(separatedBy: "\r\n").filter { !$0.isEmpty }
                #expect(lines.first == "id,at,user,action,pilot,what")
                // Three accounts added, two sign-ins, the page view, this download.
                #expect(lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[3] }
                        == ["user_add", "user_add", "user_add", "login", "login", "view", "view"])
            }
            try await client.execute(uri: "/admin/audit?since=igår", method: .get, headers: [.cookie: admin]) { #expect($0.status == .badRequest) }
        }
    }

    @Test func anAccountsSessionEndsSoonerThanALocalOne() async {
        let store = SessionStore()
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        let local = await store.create(language: .sv, now: t0)
        let account = await store.create(language: .sv, user: "anna", now: t0)
        #expect(await store.session(id: account.id, now: t0.addingTimeInterval(29 * 60)) != nil)
        // 31 idle minutes: the account's session has ended, the local one has not.
        #expect(await store.session(id: account.id, now: t0.addingTimeInterval(29 * 60 + 31 * 60)) == nil)
        #expect(await store.session(id: local.id, now: t0.addingTimeInterval(60 * 60)) != nil)
        // Ten hours after sign-in, however busy.
        let busy = await store.create(language: .sv, user: "anna", now: t0)
        for minute in stride(from: 20, through: 600, by: 20) { _ = await store.session(id: busy.id, now: t0.addingTimeInterval(Double(minute) * 60)) }
        #expect(await store.session(id: busy.id, now: t0.addingTimeInterval(601 * 60)) == nil)
    }

    /// Review findings: an approver alone may lock (roles add up); an editor on one pilot
    /// cannot take over another pilot's PDSA cycle by its id, through the form or the API.
    @Test func anApproverLocksAndACycleStaysWithItsPilot() async throws {
        let path = try Self.database()
        let db = try Database(path: path)
        let users = UserDirectory(db, cost: 4)
        try users.add(name: "godk", password: "godkännarens ord", role: .approver, pilots: ["vallingbyteamet"], actor: "test")
        try users.grant(name: "anna", role: .editor, pilot: "familjeenheten-2022", actor: "test")
        let theirs = """
            schema: piloteval/pdsa/v1
            id: deras-cykel
            title: Familjeenhetens cykel
            model: familjeenheten-2022
            activity: A1
            change_idea: Deras idé
            plan:
              prediction: Något
            do:
              start: 2022-02-01

            """
        _ = try PDSACatalog(db).add(files: [("c.yaml", Data(theirs.utf8))])
        let app = AuthenticationTests.application(database: path)
        try await app.test(.router) { client in
            let godk = try await Self.signIn(client, "godk", "godkännarens ord")
            let html = try await client.execute(uri: EntryTests.page + "?period=2022-T3", method: .get, headers: [.cookie: godk]) { String(buffer: $0.body) }
            let csrf = try EntryTests.hidden("_csrf", in: html)
            for action in ["ready", "lock"] {
                try await client.execute(uri: EntryTests.page + "/approval", method: .post, headers: Self.form + [.cookie: godk],
                                         body: EntryTests.form([("_csrf", csrf), ("period", "2022-T3"), ("action", action)])) {
                    #expect($0.status == .seeOther, "\(action)")
                }
            }
            // anna edits both pilots; B's cycle posted to A as "existing" is refused, unchanged.
            let anna = try await Self.signIn(client, "anna", "annas långa lösenord")
            let annaCSRF = try await client.execute(uri: "/logout", method: .get, headers: [.cookie: anna]) {
                try EntryTests.hidden("_csrf", in: String(buffer: $0.body))
            }
            try await client.execute(uri: "/models/vallingbyteamet/cycles", method: .post, headers: Self.form + [.cookie: anna],
                                     body: EntryTests.form([("_csrf", annaCSRF), ("existing", "deras-cykel"), ("version", "1"),
                                                            ("id", "deras-cykel"), ("title", "Nu vår"), ("activity", "A6"),
                                                            ("change_idea", "x"), ("prediction", "y"), ("start", "2022-02-01")])) {
                #expect($0.status == .conflict)
            }
            let token = try UserDirectory(try Database(path: path), cost: 4).makeToken(name: "anna", actor: "test")
            try await client.execute(uri: "/api/v1/models/vallingbyteamet/cycles", method: .post, headers: [.authorization: "Bearer \(token)"],
                                     body: ByteBuffer(string: theirs.replacingOccurrences(of: "model: familjeenheten-2022", with: "model: vallingbyteamet")
                                        .replacingOccurrences(of: "activity: A1", with: "activity: A6"))) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("the cycle id deras-cykel is taken"))
            }
        }
        #expect(try PDSACatalog(try Database(path: path, readOnly: true)).cycle("deras-cykel").model == "familjeenheten-2022")
        #expect(try PeriodApprovals(try Database(path: path, readOnly: true)).approval(modelID: "vallingbyteamet", period: "2022-T3")?.state == .locked)
    }

    /// A survey wave two pilots read is both pilots' data: an editor of one cannot undo it,
    /// through the API or the imports page; an editor of both can.
    @Test func anImportTwoPilotsUseIsUndoneOnlyByAnEditorOfBoth() async throws {
        let path = try Self.database()
        let db = try Database(path: path)
        let repo = PageTests.repository
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("kopia-\(UUID().uuidString).yaml")
        try String(contentsOf: repo.appendingPathComponent("Models/vallingbyteamet.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "\nid: vallingbyteamet\n", with: "\nid: vallingby-kopia\n")
            .write(to: copy, atomically: true, encoding: .utf8)
        _ = try ModelCatalog(db).add(path: copy.path)
        let instrument = try InstrumentCatalog(db).resolve("vallingbyteamet-readiness")
        let wave = try ReadinessImporter(db).importFile(path: repo.appendingPathComponent("Datasets/vallingbyteamet/readiness-2021-03.csv").path,
                                                        instrument: instrument, wave: "2021-03", aggregated: true).record.id
        #expect(try ImportOwners.pilots(of: wave, db).sorted() == ["vallingby-kopia", "vallingbyteamet"])
        let token = try UserDirectory(db, cost: 4).makeToken(name: "anna", actor: "test")
        let app = AuthenticationTests.application(database: path)
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/imports/\(wave)", method: .delete, headers: [.authorization: "Bearer \(token)"]) { response in
                #expect(response.status == .forbidden)
                #expect(String(buffer: response.body).contains("also used by another pilot"))
            }
            let anna = try await Self.signIn(client, "anna", "annas långa lösenord")
            let csrf = try await client.execute(uri: "/models/vallingbyteamet/imports", method: .get, headers: [.cookie: anna]) {
                try EntryTests.hidden("_csrf", in: String(buffer: $0.body))
            }
            try await client.execute(uri: "/models/vallingbyteamet/imports/undo", method: .post, headers: Self.form + [.cookie: anna],
                                     body: EntryTests.form([("_csrf", csrf), ("import", "\(wave)")])) { response in
                #expect(response.status == .forbidden)
                #expect(String(buffer: response.body).contains("används också av en annan pilot"))
            }
            try UserDirectory(try Database(path: path), cost: 4).grant(name: "anna", role: .editor, pilot: "vallingby-kopia", actor: "test")
            try await client.execute(uri: "/api/v1/imports/\(wave)", method: .delete, headers: [.authorization: "Bearer \(token)"]) {
                #expect($0.status == .ok)
            }
        }
    }

    /// On a shared server a measure is the pilot's it was uploaded under; one nothing
    /// claims (imported at a terminal without --model) is shown to no pilot. In a
    /// database without accounts, the unclaimed one is every pilot's.
    @Test func aMeasureBelongsToThePilotItWasUploadedUnder() throws {
        let path = try Self.database()
        let db = try Database(path: path)
        let csv = PageTests.repository.appendingPathComponent("Datasets/vallingbyteamet/genombrott-konsultation-forskolor.csv")
        try MeasureImporter(db).importFile(path: csv.path, measure: "ingens-matt", value: "konsultationer")
        let options = MeasureUpload.Options(measure: "vallingbys-matt", value: "konsultationer", denominator: nil, date: nil, counts: .events)
        _ = try MeasureUpload.run(db, modelID: "vallingbyteamet", options: options, data: try Data(contentsOf: csv),
                                  fileName: "konsultationer.csv", dryRun: false)
        let catalog = PDSACatalog(db)
        #expect(try catalog.measures(of: "vallingbyteamet") == ["vallingbys-matt"])
        #expect(try catalog.measures(of: "familjeenheten-2022") == [])
        // Naming it in the other pilot's cycle does not make it theirs.
        _ = try catalog.add(files: [("b.yaml", Data("""
            schema: piloteval/pdsa/v1
            id: familjens-cykel
            title: Familjeenhetens cykel
            model: familjeenheten-2022
            activity: A1
            change_idea: Deras idé
            measure: vallingbys-matt
            plan:
              prediction: Något
            do:
              start: 2022-02-01

            """.utf8))])
        #expect(try catalog.measures(of: "familjeenheten-2022") == [] && catalog.measures(of: "vallingbyteamet") == ["vallingbys-matt"])
        // The other pilot cannot add to it by uploading under the same name.
        #expect(throws: UploadRefused.self) {
            try MeasureUpload.run(db, modelID: "familjeenheten-2022", options: options, data: try Data(contentsOf: csv),
                                  fileName: "konsultationer-2.csv", dryRun: false)
        }

        let local = try Database(path: try CaseAndMeasureUploadTests.database())
        try MeasureImporter(local).importFile(path: csv.path, measure: "ingens-matt", value: "konsultationer")
        #expect(try PDSACatalog(local).measures(of: "vallingbyteamet") == ["ingens-matt"])
    }

    @Test func aNewPasswordEndsTheSessionsBegunWithTheOldOne() async throws {
        let path = try Self.database()
        let app = AuthenticationTests.application(database: path)
        try await app.test(.router) { client in
            let anna = try await Self.signIn(client, "anna", "annas långa lösenord")
            try await client.execute(uri: "/", method: .get, headers: [.cookie: anna]) { #expect($0.status == .ok) }
            try UserDirectory(try Database(path: path), cost: 4).resetPassword(name: "anna", password: "ett helt nytt lösenord", actor: "it-admin")
            try await client.execute(uri: "/", method: .get, headers: [.cookie: anna]) { #expect($0.status == .seeOther) }
            try await Task.sleep(for: .milliseconds(1100))
            let again = try await Self.signIn(client, "anna", "ett helt nytt lösenord")
            try await client.execute(uri: "/", method: .get, headers: [.cookie: again]) { #expect($0.status == .ok) }
        }
        // A spreadsheet does not run a logged text as a formula.
        #expect(AuditRoutes.csvField("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"" && AuditRoutes.csvField("-1") == "'-1")
    }

    @Test func oneSignInChecksAtATimeAndAFloodIsTurnedAway() async {
        let gate = SignInGate(maxWaiting: 1)
        let results = await withTaskGroup(of: Bool?.self) { group in
            for _ in 0..<3 { group.addTask { await gate.run { try? await Task.sleep(for: .milliseconds(200)); return true } } }
            var all: [Bool?] = []
            for await r in group { all.append(r) }
            return all
        }
        // One runs, one waits its turn, the third finds the queue full.
        #expect(results.filter { $0 == true }.count == 2 && results.filter { $0 == nil }.count == 1)
    }
}
