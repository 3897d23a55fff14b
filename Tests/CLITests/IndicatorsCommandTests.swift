import Foundation
import Testing

/// `piloteval indicators import|status|trend` and `imports undo`, run as a user would.
@Suite struct IndicatorsCommandTests {
    static func fixture(_ name: String) -> String { CLIRunner.fixture("indicators/" + name) }

    func prepared() throws -> CLIRunner {
        let cli = try CLIRunner()
        let add = try cli.run(["model", "add", Self.fixture("model.yaml")])
        #expect(add.status == 0, "\(add.stderr)")
        return cli
    }

    @Test func importStatusJSONAndDuplicateRefused() throws {
        let cli = try prepared()
        let imp = try cli.run(["indicators", "import", Self.fixture("tertial1.csv"), "--model", "exempelenheten"])
        #expect(imp.status == 0, "\(imp.stderr)")
        #expect(imp.stdout.contains("imported 8 rows"))
        #expect(imp.stdout.contains("as import 1"))
        // Warnings on stderr, located: 12 + 15 ≠ 30 and a 2021 row outside the 2022 model.
        #expect(imp.stderr.contains("tertial1.csv:6: I2 2022-T1: gender parts 12 (girls) + 15 (boys) = 27, but the total is 30"))
        #expect(imp.stderr.contains("tertial1.csv: 1 row(s) lie outside the model's period 2022-01-01–2022-12-31"))
        #expect(imp.stderr.contains("lines 5 (I2 2021)"))

        let again = try cli.run(["indicators", "import", Self.fixture("tertial1.csv"), "--model", "exempelenheten"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already imported for exempelenheten as import 1"))
        #expect(again.stderr.contains("piloteval imports undo 1"))

        let json = try cli.run(["indicators", "status", "--model", "exempelenheten", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["model"] as? String == "exempelenheten")
        #expect(object["period"] as? String == "2022-T1")
        let rows = try #require(object["indicators"] as? [[String: Any]])
        let i1 = try #require(rows.first { $0["id"] as? String == "I1" })
        #expect(i1["value"] as? Double == 82)                      // 41/50
        #expect(i1["status"] as? String == "met")                  // ≥ 80, interim
        #expect(i1["interim"] as? Bool == true)
        #expect(i1["city_target_rule"] as? String == ">= 90")
        #expect(i1["city_target_status"] as? String == "not_met")
        #expect(i1["change"] is NSNull)
        #expect((i1["change_note"] as? String)?.contains("2021-T3") == true)
        let ciLow = try #require(i1["ci_low"] as? Double)
        // Wilson 95 % for 41/50 (statsmodels proportion_confint(41, 50, method='wilson')).
        #expect(abs(ciLow - 69.20394632569919) <= 1e-9 * 69.2)
        let boys = try #require((i1["groups"] as? [String: Any])?["boys"] as? [String: Any])
        #expect(boys["numerator"] as? Double == 21)
        let i2 = try #require(rows.first { $0["id"] as? String == "I2" })
        #expect(i2["status"] as? String == "no_comparison")
        #expect((i2["warnings"] as? [[String: Any]])?.first?["kind"] as? String == "parts_do_not_sum_to_total")
        let goal = try #require((object["goals"] as? [[String: Any]])?.first { $0["id"] as? String == "KF1.4" })
        #expect(goal["assessment"] as? String == "fully_met")
        #expect(goal["manual_assessment"] is NSNull)              // recorded for 2022, not 2022-T1
    }

    @Test func yearStatusTableShowsComputedBesideRecorded() throws {
        let cli = try prepared()
        _ = try cli.run(["indicators", "import", Self.fixture("tertial1.csv"), "--model", "exempelenheten"])
        let imp = try cli.run(["indicators", "import", Self.fixture("year-excel.csv"), "--model", "exempelenheten"])
        #expect(imp.status == 0, "\(imp.stderr)")
        let table = try cli.run(["indicators", "status", "--model", "exempelenheten", "--period", "2022"])
        #expect(table.status == 0, "\(table.stderr)")
        // I1 78.5 % (girls 81.2, boys 76) against ≥ 80: not met; +8.5 pp on the 2021 baseline 70.
        let i1 = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix("I1 ") })
        // Written by the one formatter (NumberStyle, English for the terminal).
        #expect(i1.contains("78.5%"))
        #expect(i1.contains("81.2%"))
        #expect(i1.contains("+8.5\u{00A0}pp"))
        #expect(i1.contains("not met"))
        #expect(table.stdout.contains("KF1.4: computed partly_met — 1 of 3 assessed indicators met; met: I2; not met: I1, I3"))
        #expect(table.stdout.contains("recorded fully_met: Enheten bedömer att målet uppfylls helt."))
        #expect(table.stdout.contains("≠ differs"))

        let csv = try cli.run(["indicators", "status", "--model", "exempelenheten", "--period", "2022", "--format", "csv"])
        let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first?.hasPrefix("model,model_version,period,indicator,title,unit,group,value,") == true)
        #expect(lines.contains { $0.hasPrefix("exempelenheten,1,2022,I1,Andel förhandsbedömningar inom 14 dagar,percent,total,78.5,,,,,2021,70,8.5,percentage_points,>= 80,2022,not_met,>= 90,2022,not_met,not_met,false,") })
        #expect(lines.contains { $0.contains(",I1,") && $0.contains(",girls,81.2,") })

        // Swedish Excel: BOM, `;`, decimal commas in numbers only — ">= 80" and
        // "2022" stay as they are.
        let excel = try cli.run(["indicators", "status", "--model", "exempelenheten", "--period", "2022",
                                 "--format", "csv", "--csv-dialect", "excel-sv"])
        #expect(excel.status == 0, "\(excel.stderr)")
        #expect(excel.stdout.hasPrefix("\u{FEFF}model;model_version;period;indicator;"))
        #expect(excel.stdout.contains("exempelenheten;1;2022;I1;Andel förhandsbedömningar inom 14 dagar;percent;total;78,5;;;;;2021;70;8,5;percentage_points;>= 80;2022;not_met;>= 90;"))

        let trend = try cli.run(["indicators", "trend", "--model", "exempelenheten", "--indicator", "I2", "--format", "json"])
        #expect(trend.status == 0, "\(trend.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(trend.stdout.utf8)) as? [String: Any])
        let points = try #require((object["indicators"] as? [[String: Any]])?.first?["points"] as? [[String: Any]])
        #expect(points.map { $0["period"] as? String } == ["2021", "2022", "2022-T1"])
        #expect(points.map { $0["status"] as? String } == ["not_assessed", "met", "no_comparison"])
    }

    @Test func errorsAreLocatedAndNothingIsImported() throws {
        let cli = try prepared()
        let bad = try cli.run(["indicators", "import", Self.fixture("bad.csv"), "--model", "exempelenheten"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("bad.csv:3: indicator \"I9\" is not in model exempelenheten"))
        #expect(bad.stderr.contains("bad.csv:4: group \"women\" is not a breakdown of I2"))
        #expect(bad.stderr.contains("2 error(s) in"))
        #expect(bad.stderr.contains("nothing was imported"))
        let list = try cli.run(["imports", "list", "--format", "json"])
        #expect(list.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || list.stdout.contains("[]"))
        let status = try cli.run(["indicators", "status", "--model", "exempelenheten"])
        #expect(status.status == 1)
        #expect(status.stderr.contains("no observations stored for exempelenheten"))
        let usage = try cli.run(["indicators", "status", "--model", "exempelenheten", "--period", "2022-T4"])
        #expect(usage.status == 64)
        let unknown = try cli.run(["indicators", "status", "--model", "nosuchmodel"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no stored model with id \"nosuchmodel\""))
    }

    @Test func undoTakesAnImportBack() throws {
        let cli = try prepared()
        _ = try cli.run(["indicators", "import", Self.fixture("tertial1.csv"), "--model", "exempelenheten"])
        let undo = try cli.run(["imports", "undo", "1"])
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(undo.stderr.contains("8 from indicator_observations"))
        #expect(undo.stderr.contains("2 from indicator_observation_warnings"))
        let status = try cli.run(["indicators", "status", "--model", "exempelenheten"])
        #expect(status.status == 1)
        // The same file may now be imported again.
        let again = try cli.run(["indicators", "import", Self.fixture("tertial1.csv"), "--model", "exempelenheten"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("as import 2"))
    }
}
