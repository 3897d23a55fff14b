import Evaluation
import LogicModel

/// Pilot versus line in a report, as the report's record holds it (its JSON is the
/// record's `pilot_vs_line`): per outcome the pilot's and the line's figure, their
/// difference with its interval and tests, the permutation over units, the difference in
/// differences, the minimum detectable difference, the gender rows and girls − boys,
/// and the words the strongest design gives (`decided_by`, `direction`). A withheld or
/// undefined figure is `null` beside its note (DESIGN §5).
///
/// Computed by Reports' `CohortComparisonSection`, which decides what is withheld
/// (`PublishedComparisons`); its blocks: the final report's part
/// (`PilotVsLineReport+Blocks.swift`), the steering brief's part and the verdict
/// (`PilotVsLineReport+Steering.swift`), the design ladder and the words bättre / sämre /
/// oklart (`PilotVsLineReport+Verdict.swift`).
public struct PilotVsLineReport: Codable {
    public var present: Bool
    public var note: String?
    public var pilot: String?
    public var extractDate: String?
    public var pilotStart: String?
    public var synthetic: Bool
    /// The gender rows of the tables, in order (girl, boy, then other and unknown, or
    /// other_unknown when they are joined), before the total.
    public var genders: [String]
    /// Whether "other" and "unknown" are joined into one row (each was small).
    public var joined: Bool
    public var outcomes: [Outcome]
    /// The covariates of an adjusted comparison that some case carries (age, gender,
    /// referral_reason): what `cases compare --design adjusted` could weight by. The
    /// method section says why that comparison does not decide the words here; nil in
    /// a record written before it did.
    public var covariates: [String]? = nil
    /// The earliest referral among the line's cases, when it comes before the pilot's
    /// start: the direct comparison then sets the pilot's years against the line's from
    /// this date, and the method and limitations say so. Absent otherwise.
    public var lineFirstReferral: String? = nil
    /// The case mix, pilot against line, over every case (`BalanceRow`); nil in a record
    /// written before the report showed it.
    public var balance: [BalanceRow]? = nil

    /// One covariate of the case mix: the pilot's and the line's mean age or share of a
    /// referral reason, and their standardised difference. What disclosure control
    /// withheld is nil beside a note beginning "suppressed".
    public struct BalanceRow: Codable, Sendable, Equatable {
        /// "age", or "reason: " and the reason as the extract writes it.
        public var covariate: String
        /// "continuous" (a mean) or "binary" (a share, 0–1).
        public var kind: String
        public var pilot: Double?
        public var pilotNote: String?
        public var line: Double?
        public var lineNote: String?
        public var smd: Double?
        public var smdNote: String?

        public init(covariate: String, kind: String, pilot: Double?, pilotNote: String?, line: Double?, lineNote: String?,
                    smd: Double?, smdNote: String?) {
            self.covariate = covariate
            self.kind = kind
            self.pilot = pilot
            self.pilotNote = pilotNote
            self.line = line
            self.lineNote = lineNote
            self.smd = smd
            self.smdNote = smdNote
        }

        enum CodingKeys: String, CodingKey {
            case covariate, kind, pilot, line, smd
            case pilotNote = "pilot_note"
            case lineNote = "line_note"
            case smdNote = "smd_note"
        }
    }

    public init(present: Bool, note: String?, pilot: String?, extractDate: String?, pilotStart: String?,
                synthetic: Bool, genders: [String], joined: Bool, outcomes: [Outcome], covariates: [String]? = nil) {
        self.present = present
        self.note = note
        self.pilot = pilot
        self.extractDate = extractDate
        self.pilotStart = pilotStart
        self.synthetic = synthetic
        self.genders = genders
        self.joined = joined
        self.outcomes = outcomes
        self.covariates = covariates
    }

    enum CodingKeys: String, CodingKey {
        case present, note, pilot, synthetic, outcomes, genders, joined, covariates, balance
        case extractDate = "extract_date"
        case pilotStart = "pilot_start"
        case lineFirstReferral = "line_first_referral"
    }

    /// Durations whose within-limit share is also an outcome: the brief shows that share
    /// once, as the 0/1 outcome (the same cases, a plain proportion), and leaves the
    /// Kaplan–Meier view of the duration to the final report.
    public static let briefTwins = ["days_to_assessment": "assessment_within_14d",
                                    "investigation_days": "investigation_within_4m"]

    /// The outcomes the steering brief shows: one row per thing the group follows.
    public static func briefOutcomes(_ outcomes: [Outcome]) -> [Outcome] {
        let names = Set(outcomes.map(\.outcome))
        return outcomes.filter { o in briefTwins[o.outcome].map { !names.contains($0) } ?? true }
    }

    /// One cohort's figure of one outcome.
    public struct Group: Codable {
        public var label: String
        public var n: Int?
        public var nNote: String?
        /// Mean (numbers), proportion (0/1) or share within the limit (durations).
        public var estimate: Double?
        public var estimateNote: String?
        public var ciLow: Double?
        public var ciHigh: Double?
        /// Why the interval is withheld, when it is (its width gives the n back).
        public var ciNote: String? = nil
        /// Durations: the Kaplan–Meier median in days.
        public var median: Double?
        public var medianNote: String?
        /// What disclosure control decided on the n, and on the value with its interval
        /// and median: "<5" for a small n (`.small`), ".." for anything else withheld.
        /// Set by Reports' `PublishedComparisons` as it writes the note; not in the JSON,
        /// which writes a withheld figure as `null` beside its note (DESIGN §5). The
        /// blocks read these, never a note.
        public var nDisclosure: Disclosure = .shown
        public var valueDisclosure: Disclosure = .shown

        public init(label: String, n: Int?, nNote: String?, estimate: Double?, estimateNote: String?, ciLow: Double?,
                    ciHigh: Double?, ciNote: String? = nil, median: Double?, medianNote: String?) {
            self.label = label
            self.n = n
            self.nNote = nNote
            self.estimate = estimate
            self.estimateNote = estimateNote
            self.ciLow = ciLow
            self.ciHigh = ciHigh
            self.ciNote = ciNote
            self.median = median
            self.medianNote = medianNote
        }

        enum CodingKeys: String, CodingKey {
            case label, n, estimate, median
            case nNote = "n_note"
            case ciLowNote = "ci_low_note"
            case ciHighNote = "ci_high_note"
            case estimateNote = "estimate_note"
            case ciLow = "ci_low"
            case ciHigh = "ci_high"
            case medianNote = "median_note"
        }
    }

    public struct GenderRow: Codable {
        /// girl, boy, other, unknown, or total.
        public var gender: String
        public var pilot: Group
        public var line: Group

        public init(gender: String, pilot: Group, line: Group) {
            self.gender = gender
            self.pilot = pilot
            self.line = line
        }
    }

    public struct Outcome: Codable {
        public var outcome: String
        /// continuous, binary or time_to_event.
        public var kind: String
        public var limitDays: Double?
        public var pilot: Group
        public var line: Group
        /// Pilot − line: of means, of proportions, of shares within the limit.
        public var difference: Double?
        public var differenceNote: String?
        public var ciLow: Double?
        public var ciHigh: Double?
        /// The individual-level test: welch, chi_square, log_rank.
        public var test: String
        public var p: Double?
        public var pNote: String?
        /// The permutation over units (rank / J), with J.
        public var permutationP: Double?
        public var permutationNote: String?
        public var units: Int?
        public var mddStandardized: Double?
        public var mddRaw: Double?
        public var mddAbove: Double?
        public var mddBelow: Double?
        public var mddNote: String?
        /// Cases still open at the extract date (both cohorts); withheld when small.
        public var censored: Int?
        public var censoredNote: String?
        public var byGender: [GenderRow]
        /// The codes of the analysis' caveats (`cases compare` has their text): the
        /// report states them in its own words, and the record holds no figure the
        /// document does not publish.
        public var caveats: [String]
        /// The pilot area's change from before to after the start against the other
        /// areas' (difference in differences, randomisation over areas); nil in a record
        /// written before reports computed it.
        public var did: DiD? = nil
        /// Whether the pilot's statistic in the permutation over units is above (+1) or
        /// below (−1) the other units' — what a clear ranking would say; the statistic
        /// itself is not published.
        public var permutationSign: Int? = nil
        /// The design the outcome's words rest on (`Design.rawValue`): the strongest
        /// available, in the order permutation over units, difference in differences,
        /// unadjusted cases.
        public var decidedBy: String? = nil
        /// The words: better, worse, unclear, higher, lower or unknown (`Verdict`).
        public var direction: String? = nil
        /// Which way is better, `higher` or `lower`, as the logic model says through an
        /// indicator bound to this outcome (its `direction`); nil when no bound indicator
        /// gives one, and the tool's own (`CaseOutcomeNames`) holds.
        public var better: String? = nil
        /// Girls − boys within the pilot and within the line, where both rows publish
        /// their n and value.
        public var genderDifferences: [GenderDifference]? = nil
        /// What disclosure control decided on the difference, its test and the detectable
        /// difference (withheld when a cohort's value is); not in the JSON (as
        /// `Group.nDisclosure`).
        public var differenceDisclosure: Disclosure = .shown
        /// The same difference with only the cases referred from the pilot's start, when
        /// the line reaches back before it (`lineFirstReferral`): does the answer hold when
        /// the pilot's years meet the line's same years? Nil otherwise.
        public var fromStart: FromStart? = nil

        public init(outcome: String, kind: String, limitDays: Double?, pilot: Group, line: Group, difference: Double?,
                    differenceNote: String?, ciLow: Double?, ciHigh: Double?, test: String, p: Double?, pNote: String?,
                    permutationP: Double?, permutationNote: String?, units: Int?, mddStandardized: Double?,
                    mddRaw: Double?, mddAbove: Double?, mddBelow: Double?, mddNote: String?, censored: Int?,
                    censoredNote: String?, byGender: [GenderRow], caveats: [String], did: DiD? = nil,
                    permutationSign: Int? = nil, decidedBy: String? = nil, direction: String? = nil,
                    genderDifferences: [GenderDifference]? = nil) {
            self.outcome = outcome
            self.kind = kind
            self.limitDays = limitDays
            self.pilot = pilot
            self.line = line
            self.difference = difference
            self.differenceNote = differenceNote
            self.ciLow = ciLow
            self.ciHigh = ciHigh
            self.test = test
            self.p = p
            self.pNote = pNote
            self.permutationP = permutationP
            self.permutationNote = permutationNote
            self.units = units
            self.mddStandardized = mddStandardized
            self.mddRaw = mddRaw
            self.mddAbove = mddAbove
            self.mddBelow = mddBelow
            self.mddNote = mddNote
            self.censored = censored
            self.censoredNote = censoredNote
            self.byGender = byGender
            self.caveats = caveats
            self.did = did
            self.permutationSign = permutationSign
            self.decidedBy = decidedBy
            self.direction = direction
            self.genderDifferences = genderDifferences
        }

        enum CodingKeys: String, CodingKey {
            case outcome, kind, pilot, line, difference, test, p, units, censored, caveats
            case limitDays = "limit_days"
            case differenceNote = "difference_note"
            case ciLow = "ci_low"
            case ciHigh = "ci_high"
            case pNote = "p_note"
            case permutationP = "permutation_p"
            case permutationNote = "permutation_note"
            case mddStandardized = "mdd_standardized"
            case mddRaw = "mdd_raw"
            case mddAbove = "mdd_above"
            case mddBelow = "mdd_below"
            case mddNote = "mdd_note"
            case censoredNote = "censored_note"
            case byGender = "by_gender"
            case did
            case permutationSign = "permutation_sign"
            case decidedBy = "decided_by"
            case direction, better
            case genderDifferences = "gender_differences"
            case fromStart = "from_start"
        }
    }

    /// One outcome's direct comparison with only the cases referred from the pilot's
    /// start: each cohort's n, pilot − line with its 95 % interval. Withheld as a whole
    /// when a count it rests on is small, or when the cases it leaves out are: the
    /// published figures over every case, less these, would give those back.
    public struct FromStart: Codable {
        public var pilotN: Int?
        public var lineN: Int?
        public var nNote: String?
        public var difference: Double?
        public var differenceNote: String?
        public var ciLow: Double?
        public var ciHigh: Double?
        /// Not in the JSON (as `Group.nDisclosure`).
        public var disclosure: Disclosure = .shown

        public init(pilotN: Int?, lineN: Int?, nNote: String?, difference: Double?, differenceNote: String?,
                    ciLow: Double?, ciHigh: Double?) {
            self.pilotN = pilotN
            self.lineN = lineN
            self.nNote = nNote
            self.difference = difference
            self.differenceNote = differenceNote
            self.ciLow = ciLow
            self.ciHigh = ciHigh
        }

        enum CodingKeys: String, CodingKey {
            case difference
            case pilotN = "pilot_n"
            case lineN = "line_n"
            case nNote = "n_note"
            case differenceNote = "difference_note"
            case ciLow = "ci_low"
            case ciHigh = "ci_high"
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(pilotN, forKey: .pilotN)
            try c.encode(lineN, forKey: .lineN)
            try c.encodeIfPresent(nNote, forKey: .nNote)
            try c.encode(difference, forKey: .difference)
            try c.encodeIfPresent(differenceNote, forKey: .differenceNote)
            try c.encode(ciLow, forKey: .ciLow)
            try c.encode(ciHigh, forKey: .ciHigh)
        }
    }

    /// The difference in differences as published: β and the randomisation p over J
    /// areas (no interval: with one treated area the placebo ranking gives a p only).
    public struct DiD: Codable {
        public var estimate: Double?
        public var estimateNote: String?
        public var p: Double?
        public var pNote: String?
        /// J: the areas ranked (the pilot's and every placebo area).
        public var areas: Int?
        /// Withheld with its p when one of its four groups is small; not in the JSON.
        public var disclosure: Disclosure = .shown

        public init(estimate: Double?, estimateNote: String?, p: Double?, pNote: String?, areas: Int?) {
            self.estimate = estimate
            self.estimateNote = estimateNote
            self.p = p
            self.pNote = pNote
            self.areas = areas
        }

        enum CodingKeys: String, CodingKey {
            case estimate, p, areas
            case estimateNote = "estimate_note"
            case pNote = "p_note"
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(estimate, forKey: .estimate)
            try c.encodeIfPresent(estimateNote, forKey: .estimateNote)
            try c.encode(p, forKey: .p)
            try c.encodeIfPresent(pNote, forKey: .pNote)
            try c.encode(areas, forKey: .areas)
        }
    }

    /// Girls − boys within one cohort, with its 95 % interval (Welch for means,
    /// Newcombe for proportions, Greenwood's errors for a share within a limit).
    public struct GenderDifference: Codable {
        /// pilot or line.
        public var cohort: String
        public var difference: Double?
        public var differenceNote: String?
        public var ciLow: Double?
        public var ciHigh: Double?
        /// Withheld where girls' or boys' figures are; not in the JSON.
        public var disclosure: Disclosure = .shown
        /// Where the difference is withheld with girls' and boys' counts but both values
        /// are shown: whether its interval lies on one side of zero — said in words, with
        /// no figure that could give a count back; nil otherwise.
        public var differsWithheldInterval: Bool? = nil

        public init(cohort: String, difference: Double?, differenceNote: String?, ciLow: Double?, ciHigh: Double?) {
            self.cohort = cohort
            self.difference = difference
            self.differenceNote = differenceNote
            self.ciLow = ciLow
            self.ciHigh = ciHigh
        }

        /// The interval lies wholly on one side of zero.
        public var differs: Bool {
            guard let lo = ciLow, let hi = ciHigh else { return false }
            return lo > 0 || hi < 0
        }

        enum CodingKeys: String, CodingKey {
            case cohort, difference
            case differenceNote = "difference_note"
            case ciLow = "ci_low"
            case ciHigh = "ci_high"
            case differsWithheldInterval = "differs_withheld_interval"
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeIfPresent(differsWithheldInterval, forKey: .differsWithheldInterval)
            try c.encode(cohort, forKey: .cohort)
            try c.encode(difference, forKey: .difference)
            try c.encodeIfPresent(differenceNote, forKey: .differenceNote)
            try c.encode(ciLow, forKey: .ciLow)
            try c.encode(ciHigh, forKey: .ciHigh)
        }
    }
}

// A withheld or undefined figure is written as `null` beside its note (DESIGN §5), not
// left out: a reader of the record sees every figure's place.
extension PilotVsLineReport.Group {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(label: try c.decode(String.self, forKey: .label), n: try c.decodeIfPresent(Int.self, forKey: .n),
                  nNote: try c.decodeIfPresent(String.self, forKey: .nNote),
                  estimate: try c.decodeIfPresent(Double.self, forKey: .estimate),
                  estimateNote: try c.decodeIfPresent(String.self, forKey: .estimateNote),
                  ciLow: try c.decodeIfPresent(Double.self, forKey: .ciLow), ciHigh: try c.decodeIfPresent(Double.self, forKey: .ciHigh),
                  median: try c.decodeIfPresent(Double.self, forKey: .median),
                  medianNote: try c.decodeIfPresent(String.self, forKey: .medianNote))
        ciNote = try c.decodeIfPresent(String.self, forKey: .ciLowNote)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(label, forKey: .label)
        try c.encode(n, forKey: .n)
        try c.encodeIfPresent(nNote, forKey: .nNote)
        try c.encode(estimate, forKey: .estimate)
        try c.encodeIfPresent(estimateNote, forKey: .estimateNote)
        try c.encode(ciLow, forKey: .ciLow)
        try c.encode(ciHigh, forKey: .ciHigh)
        // One note for both ends, under each end's name as DESIGN §5 reads it.
        try c.encodeIfPresent(ciNote, forKey: .ciLowNote)
        try c.encodeIfPresent(ciNote, forKey: .ciHighNote)
        if median != nil || medianNote != nil {
            try c.encode(median, forKey: .median)
            try c.encodeIfPresent(medianNote, forKey: .medianNote)
        }
    }
}

extension PilotVsLineReport.Outcome {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(outcome, forKey: .outcome)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(limitDays, forKey: .limitDays)
        try c.encode(pilot, forKey: .pilot)
        try c.encode(line, forKey: .line)
        try c.encode(difference, forKey: .difference)
        try c.encodeIfPresent(differenceNote, forKey: .differenceNote)
        try c.encode(ciLow, forKey: .ciLow)
        try c.encode(ciHigh, forKey: .ciHigh)
        try c.encode(test, forKey: .test)
        try c.encode(p, forKey: .p)
        try c.encodeIfPresent(pNote, forKey: .pNote)
        try c.encode(permutationP, forKey: .permutationP)
        try c.encodeIfPresent(permutationNote, forKey: .permutationNote)
        try c.encode(units, forKey: .units)
        try c.encode(mddStandardized, forKey: .mddStandardized)
        try c.encode(mddRaw, forKey: .mddRaw)
        try c.encode(mddAbove, forKey: .mddAbove)
        try c.encode(mddBelow, forKey: .mddBelow)
        try c.encodeIfPresent(mddNote, forKey: .mddNote)
        if kind == "time_to_event" {
            try c.encode(censored, forKey: .censored)
            try c.encodeIfPresent(censoredNote, forKey: .censoredNote)
        }
        try c.encodeIfPresent(did, forKey: .did)
        try c.encodeIfPresent(permutationSign, forKey: .permutationSign)
        try c.encodeIfPresent(decidedBy, forKey: .decidedBy)
        try c.encodeIfPresent(direction, forKey: .direction)
        try c.encodeIfPresent(better, forKey: .better)
        try c.encode(byGender, forKey: .byGender)
        try c.encodeIfPresent(genderDifferences, forKey: .genderDifferences)
        try c.encodeIfPresent(fromStart, forKey: .fromStart)
        try c.encode(caveats, forKey: .caveats)
    }
}
