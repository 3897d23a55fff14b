import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Store
import Testing
@testable import Web

/// The API's upload of case extracts and improvement measures (issue 23): a case
/// extract's identity numbers are replaced with the server's key and reach neither the
/// database nor an answer; without a key the extract is refused and nothing is written.
@Suite struct CaseAndMeasureUploadTests {
    /// A valid identity number `YYYYMMDD-NNNC`, its check digit by the Luhn rule.
    static func identity(_ yyyymmdd: String, serial: Int) -> String {
        let s = String(format: "%03d", serial)
        let nine = Array((yyyymmdd.dropFirst(2) + s).utf8).map { Int($0) - 48 }
        var sum = 0
        for (i, d) in nine.enumerated() {
            let x = i % 2 == 0 ? d * 2 : d
            sum += x > 9 ? x - 9 : x
        }
        return yyyymmdd + "-" + s + String((10 - sum % 10) % 10)
    }

    static let numbers = [identity("20100315", serial: 982), identity("20111120", serial: 981)]

    /// Four cases of two children; the pilot is the model's (`cohorts.pilot: vallingbyteamet`).
    static let extract = """
        case_id;personnummer;cohort;referral_date
        1;\(numbers[0]);vallingbyteamet;2021-03-01
        2;\(numbers[1]);linjen;2021-03-02
        3;\(numbers[1]);linjen;2021-05-03
        4;\(numbers[0]);vallingbyteamet;2021-09-01

        """

    static func database() throws -> String {
        let path = try AuthenticationTests.emptyDatabase()
        let db = try Database(path: path)
        let repo = PageTests.repository
        _ = try InstrumentCatalog(db).resolve(repo.appendingPathComponent("Models/instruments/vallingbyteamet-readiness.yaml").path)
        _ = try ModelCatalog(db).add(path: repo.appendingPathComponent("Models/vallingbyteamet.yaml").path)
        return path
    }

    /// A key file of the server's own, private to this user, apart from the database.
    static func keyFile() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("web-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("server.key").path
        try PseudonymKey.generate().write(to: path)
        return path
    }

    static func fileBytes(_ path: String) throws -> Data {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        if let wal = try? Data(contentsOf: URL(fileURLWithPath: path + "-wal")) { bytes.append(wal) }
        return bytes
    }

    /// Every spelling of the numbers a scan should not find.
    static var forms: [String] {
        numbers.flatMap { n -> [String] in
            let digits = n.filter(\.isNumber)
            return [n, digits, String(digits.dropFirst(2)), String(digits.dropFirst(2).prefix(6)) + "-" + digits.suffix(4)]
        }
    }

    @Test func anExtractIsPseudonymisedWithTheServersKey() async throws {
        let path = try Self.database()
        let app = AuthenticationTests.application(database: path, keyFile: try Self.keyFile())
        let uri = "/api/v1/models/vallingbyteamet/imports?kind=cases&extract_date=2021-12-31"
        try await app.test(.router) { client in
            try await client.execute(uri: uri + "&dry_run=1", method: .post, headers: ImportAPITests.headers,
                                     body: ImportAPITests.multipart(Self.extract, fileName: "utdrag.csv")) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                let preview = try JSONSerialization.jsonObject(with: Data(body.utf8)) as! [String: Any]
                #expect(preview["rows"] as? Int == 4 && preview["pilot_rows"] as? Int == 2 && preview["line_rows"] as? Int == 2)
                #expect(preview["identity_columns"] as? [String] == ["personnummer"] && preview["pseudonymised"] as? Int == 4)
                #expect(preview["extract_date"] as? String == "2021-12-31" && preview["dry_run"] as? Bool == true)
                for form in Self.forms { #expect(!body.contains(form), "\(form) in the answer") }
            }
            #expect(try ImportAPITests.imports(path).isEmpty, "a dry run writes nothing")
            try await client.execute(uri: uri, method: .post, headers: ImportAPITests.headers,
                                     body: ImportAPITests.multipart(Self.extract, fileName: "utdrag.csv")) { response in
                #expect(response.status == .created)
            }
        }
        let record = try #require(try ImportAPITests.imports(path).first)
        #expect(record.kind == "cases" && record.target == "vallingbyteamet" && record.rowCount == 4 && record.fileName == "utdrag.csv")
        let cases = try CaseDataset.load(database: try Database(path: path, readOnly: true), modelID: "vallingbyteamet").cases
            .sorted { $0.caseID < $1.caseID }
        #expect(cases.count == 4 && cases[0].personKey == cases[3].personKey && cases[0].personKey != cases[1].personKey)
        let bytes = try Self.fileBytes(path)
        for form in Self.forms { #expect(bytes.range(of: Data(form.utf8)) == nil, "\(form) reached the database") }
    }

    @Test func withoutAKeyAnExtractWithIdentityNumbersIsRefused() async throws {
        let path = try Self.database()
        let app = AuthenticationTests.application(database: path)
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/models/vallingbyteamet/imports?kind=cases", method: .post,
                                     headers: ImportAPITests.headers,
                                     body: ImportAPITests.multipart(Self.extract, fileName: "utdrag.csv")) { response in
                #expect(response.status == .unprocessableContent)
                let body = String(buffer: response.body)
                #expect(body.contains("utdrag.csv:1:9") && body.contains("\\\"personnummer\\\""), "\(body)")
                #expect(body.contains("serve --key-file") && !body.contains("give `--key-file KEY` on every import"))
                for form in Self.forms { #expect(!body.contains(form), "\(form) in the answer") }
            }
            // A file name with an identity number: masked in the answer too.
            try await client.execute(uri: "/api/v1/models/vallingbyteamet/imports?kind=cases", method: .post,
                                     headers: ImportAPITests.headers,
                                     body: ImportAPITests.multipart(Self.extract, fileName: "utdrag \(Self.numbers[1]).csv")) { response in
                let body = String(buffer: response.body)
                #expect(response.status == .unprocessableContent)
                for form in Self.forms { #expect(!body.contains(form), "\(form) in the answer") }
            }
            try await client.execute(uri: "/api/v1/models/vallingbyteamet/imports?kind=cases&extract_date=2021-13-01", method: .post,
                                     headers: ImportAPITests.headers,
                                     body: ImportAPITests.multipart(Self.extract, fileName: "utdrag.csv")) { response in
                #expect(response.status == .badRequest)
            }
        }
        #expect(try ImportAPITests.imports(path).isEmpty)
    }

    @Test func aMeasureIsPreviewedImportedAndRefusedWhenBroken() async throws {
        let path = try Self.database()
        let app = AuthenticationTests.application(database: path)
        // The shipped Genombrott measure: a header and 18 months, 2020-07 to 2021-12 (CRLF lines).
        let csv = try String(contentsOf: PageTests.repository.appendingPathComponent("Datasets/vallingbyteamet/genombrott-tidsplanerade-utredningar.csv"),
                             encoding: .utf8)
        let rows = 18
        let uri = "/api/v1/models/vallingbyteamet/imports?kind=measures&measure=tidsplanerade-utredningar&value=planerade&denominator=inledda"
        try await app.test(.router) { client in
            try await client.execute(uri: uri + "&dry_run=1", method: .post, headers: ImportAPITests.headers,
                                     body: ImportAPITests.multipart(csv, fileName: "matt.csv")) { response in
                #expect(response.status == .ok)
                let preview = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as! [String: Any]
                #expect(preview["rows"] as? Int == rows && preview["first"] as? String == "2020-07")
                #expect(preview["measure"] as? String == "tidsplanerade-utredningar" && preview["dry_run"] as? Bool == true)
            }
            #expect(try ImportAPITests.imports(path).isEmpty)
            try await client.execute(uri: uri, method: .post, headers: ImportAPITests.headers,
                                     body: ImportAPITests.multipart(csv, fileName: "matt.csv")) { response in
                #expect(response.status == .created)
            }
            // Once a cycle of the pilot watches the measure it is the pilot's: another pilot's
            // page may not add to it.
            let db = try Database(path: path)
            _ = try ModelCatalog(db).add(path: PageTests.repository.appendingPathComponent("Models/familjeenheten-2022.yaml").path)
            _ = try PDSACatalog(db).add(files: [("c.yaml", Data("""
                schema: piloteval/pdsa/v1
                id: tidsplan-webb
                title: Tidsplan
                model: vallingbyteamet
                activity: A6
                measure: tidsplanerade-utredningar
                change_idea: Tidslinje
                plan: {prediction: Fler}
                do: {start: 2021-03-01}
                """.utf8))])
            try await client.execute(uri: uri.replacingOccurrences(of: "vallingbyteamet", with: "familjeenheten-2022"), method: .post,
                                     headers: ImportAPITests.headers,
                                     body: ImportAPITests.multipart("månad;planerade;inledda\n2023-01;4;14\n", fileName: "deras.csv")) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("measure tidsplanerade-utredningar belongs to another pilot"))
            }
            // A broken row: located as the CLI locates it, nothing written.
            let broken = "månad;planerade;inledda\n2023-01;4;14\n2023-02;tre;16\n"
            try await client.execute(uri: uri.replacingOccurrences(of: "tidsplanerade-utredningar", with: "annat-matt"), method: .post,
                                     headers: ImportAPITests.headers, body: ImportAPITests.multipart(broken, fileName: "fel.csv")) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("fel.csv:3:2"), "\(String(buffer: response.body))")
            }
            try await client.execute(uri: "/api/v1/models/vallingbyteamet/imports?kind=measures", method: .post,
                                     headers: ImportAPITests.headers, body: ImportAPITests.multipart(csv)) { response in
                #expect(response.status == .badRequest, "no measure id")
            }
        }
        let records = try ImportAPITests.imports(path)
        #expect(records.count == 1 && records[0].kind == "measures" && records[0].target == "tidsplanerade-utredningar"
                && records[0].rowCount == rows)
    }
}
