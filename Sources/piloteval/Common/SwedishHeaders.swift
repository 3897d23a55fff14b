import ArgumentParser

/// `--headers sv`: the header row of `--format csv` and `--format xlsx` in Swedish words,
/// for people who open the file in Excel (issue 25, docs/csv-output.md). The default,
/// `en`, keeps the snake_case names programs and earlier scripts rely on. Only the header
/// changes: cells keep their values and codes (`met`, `item`), so a script reads both.
///
/// Two tables, because one English word means two things: `unit` is an indicator's unit
/// of measurement (måttenhet) but a survey's organisational unit (enhet).
enum SwedishHeaders {
    enum Family { case indicators, readiness }

    static func table(_ family: Family) -> [String: String] {
        switch family {
        case .indicators: indicators
        case .readiness: readiness
        }
    }

    /// The rows with their header row in Swedish. A header without a Swedish word is a
    /// programming error: `SwedishHeadersTests` runs every command and finds it.
    static func translating(_ rows: [[String]], _ family: Family) -> [[String]] {
        guard let header = rows.first else { return rows }
        let words = table(family)
        return [header.map { words[$0] ?? $0 }] + rows.dropFirst()
    }

    static let indicators: [String: String] = [
        "model": "Modell", "model_version": "Modellversion", "period": "Period", "indicator": "Indikator",
        "title": "Titel", "unit": "Måttenhet", "group": "Grupp", "source": "Källa",
        "value": "Värde", "numerator": "Täljare", "denominator": "Nämnare",
        "ci_low": "KI nedre", "ci_high": "KI övre",
        "previous_period": "Föregående period", "previous_value": "Föregående värde",
        "change": "Förändring", "change_unit": "Förändringens enhet",
        "target_rule": "Mål", "target_period": "Målets period", "target_low": "Mål nedre", "target_high": "Mål övre",
        "target_status": "Mot målet",
        "city_target_rule": "Stadens mål", "city_target_period": "Stadens måls period",
        "city_target_low": "Stadens mål nedre", "city_target_high": "Stadens mål övre", "city_target_status": "Mot stadens mål",
        "status": "Status", "interim": "Preliminär", "warnings": "Varningar",
    ]

    static let readiness: [String: String] = [
        "instrument": "Enkät", "wave": "Enkätomgång", "aggregated": "Endast medelvärden", "unit": "Enhet",
        "unit_n": "Svarande i enheten", "suppressed": "Dold", "kind": "Slag", "key": "Påstående eller skala",
        "n": "n", "mean": "Medelvärde", "sd": "Standardavvikelse", "ci_low": "KI nedre", "ci_high": "KI övre",
        "agree_share": "Andel som instämmer", "rwg_j": "Samstämmighet rwg(J)",
        "change_from": "Förändring från", "change": "Förändring",
        "change_ci_low": "Förändring KI nedre", "change_ci_high": "Förändring KI övre",
        "t": "t", "df": "Frihetsgrader", "p": "p", "p_adjusted": "p justerat", "method": "Metod",
        "comparison": "Jämförelse", "unit_or_item": "Enhet eller påstående", "a": "A", "b": "B",
        "mean_a": "Medelvärde A", "mean_b": "Medelvärde B", "difference": "Skillnad",
        "statistic": "Teststorhet", "effect_size": "Effektstorlek", "effect": "Effekt",
    ]
}

enum HeaderLanguage: String, ExpressibleByArgument, CaseIterable {
    case en, sv
}
