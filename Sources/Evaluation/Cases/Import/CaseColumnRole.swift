/// What a column of a case extract means (DESIGN §3.3). The raw value is the default
/// column name recognised without a mapping, and the key used in mapping files.
public enum CaseColumnRole: String, CaseIterable, Sendable, Codable {
    case caseID = "case_id"
    case personID = "person_id"
    case cohort
    case unit
    case area
    case gender
    case birthYear = "birth_year"
    case age
    case referralDate = "referral_date"
    case referralReason = "referral_reason"
    case assessmentDecisionDate = "assessment_decision_date"
    case investigationStart = "investigation_start"
    case investigationEnd = "investigation_end"
    case interventionStart = "intervention_start"
    case interventionEnd = "intervention_end"
    case caseworkerCount = "caseworker_count"
    case reReferralDate = "re_referral_date"

    public var isDate: Bool {
        switch self {
        case .referralDate, .assessmentDecisionDate, .investigationStart, .investigationEnd,
             .interventionStart, .interventionEnd, .reReferralDate: return true
        default: return false
        }
    }

    /// The role's place in `allCases`, for array lookups in the import's inner loop.
    var position: Int {
        switch self {
        case .caseID: return 0
        case .personID: return 1
        case .cohort: return 2
        case .unit: return 3
        case .area: return 4
        case .gender: return 5
        case .birthYear: return 6
        case .age: return 7
        case .referralDate: return 8
        case .referralReason: return 9
        case .assessmentDecisionDate: return 10
        case .investigationStart: return 11
        case .investigationEnd: return 12
        case .interventionStart: return 13
        case .interventionEnd: return 14
        case .caseworkerCount: return 15
        case .reReferralDate: return 16
        }
    }

    /// The Swedish column names recognised beside the default English one (docs/cases.md);
    /// spaces, dashes and underscores are alike, case is ignored.
    public var swedishNames: [String] {
        switch self {
        case .caseID: return ["ärende", "ärendenummer", "ärende_id", "ärendenr", "ärende_nr"]
        case .personID: return ["person", "person_nr", "personnummer", "klient", "klient_id"]
        case .cohort: return ["kohort"]
        case .unit: return ["enhet", "team"]
        case .area: return ["område", "stadsdel"]
        case .gender: return ["kön"]
        case .birthYear: return ["födelseår"]
        case .age: return ["ålder"]
        case .referralDate: return ["aktualiseringsdatum", "aktualiserad", "aktualisering"]
        case .referralReason: return ["aktualiseringsorsak", "orsak"]
        case .assessmentDecisionDate: return ["förhandsbedömning_beslut", "beslut_förhandsbedömning", "förhandsbedömningsdatum"]
        case .investigationStart: return ["utredning_start", "utredningsstart", "utredning_inledd"]
        case .investigationEnd: return ["utredning_slut", "utredningsslut", "utredning_avslutad"]
        case .interventionStart: return ["insats_start", "insatsstart"]
        case .interventionEnd: return ["insats_slut", "insatsslut"]
        case .caseworkerCount: return ["antal_handläggare", "handläggare_antal"]
        case .reReferralDate: return ["återaktualisering", "återaktualiseringsdatum", "ny_aktualisering"]
        }
    }

    /// Roles every extract must have.
    public static let required: [CaseColumnRole] = [.caseID, .cohort]
}

/// Names of the derived measures (DESIGN §3.3), usable wherever an outcome is named.
public enum DerivedMeasure: String, CaseIterable, Sendable, Codable {
    case daysToAssessment = "days_to_assessment"
    case assessmentWithin14d = "assessment_within_14d"
    case investigationDays = "investigation_days"
    case investigationWithin4m = "investigation_within_4m"
    case reReferral12m = "re_referral_12m"
    case distinctCaseworkers = "distinct_caseworkers"
    case investigationsPerChild = "investigations_per_child"
}
