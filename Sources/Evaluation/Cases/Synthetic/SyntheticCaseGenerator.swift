import Foundation
import Periods
import Store

/// A realistic synthetic case extract with known truth (docs/cases.md, "Synthetic
/// extracts"): one area-based pilot team and six line units in Hässelby-Vällingby,
/// referrals over 2018–2022, the pilot taking over its area (Vällingby) from 2020.
/// Children get a gender, an age and a referral reason; cases a förhandsbedömning,
/// perhaps an investigation and an intervention, caseworkers, and re-referrals that
/// become new cases of the same child. Effects are planted on the pilot's cases only.
/// Every random draw comes from one `Xoshiro256` seeded by `settings.seed`, in a fixed
/// order, so a seed reproduces the extract exactly.
public struct SyntheticCaseGenerator {
    public static let areas = ["Vällingby", "Hässelby gård", "Hässelby strand", "Råcksta", "Grimsta", "Vinsta"]
    static let areaWeights = [0.20, 0.18, 0.16, 0.16, 0.15, 0.15]
    /// Unit 0 is the pilot team; line unit k + 1 serves area k.
    public static let units = ["Vällingbyteamet"] + areas.map { "Utredning \($0)" }
    public static let reasons = ["Oro för barnets hemförhållanden", "Barnets eget beteende", "Våld i nära relation",
                                 "Missbruk hos vårdnadshavare", "Skolfrånvaro", "Ansökan från vårdnadshavare", "Övrigt"]
    static let reasonWeights = [0.30, 0.20, 0.15, 0.10, 0.10, 0.08, 0.07]

    public struct Child: Sendable {
        public var area: Int
        public var gender: CaseRecord.Gender
        public var birth: CalendarDate
        /// The birth number NNN of a made-up identity number (see `identityNumber`).
        public var serial: Int
        public var coordination: Bool
    }

    /// One generated case; day numbers (CalendarDate.dayNumber) keep a million of them small.
    public struct Case: Sendable {
        public var child: Int32
        public var unit: UInt8
        public var reason: UInt8
        public var caseworkers: UInt8
        public var referral: Int32
        public var decision: Int32?
        public var investigationStart: Int32?
        public var investigationEnd: Int32?
        public var interventionStart: Int32?
        public var interventionEnd: Int32?
        public var nextReferral: Int32?
        public var interventionHours: Float?
        public var caseID: String = ""
        public var isPilot: Bool { unit == 0 }
    }

    public struct Extract: Sendable {
        public var settings: SyntheticCaseSettings
        public var children: [Child]
        /// Sorted by referral date, case ids assigned.
        public var cases: [Case]
        /// Each area's drawn shift of assessment and investigation days (case mix: it
        /// stays with the area when the pilot takes over, so a difference-in-differences
        /// removes it and an unadjusted pilot-vs-line comparison does not).
        public var areaAssessmentShift: [Double]
        public var areaInvestigationShift: [Double]
    }

    public let settings: SyntheticCaseSettings

    public init(_ settings: SyntheticCaseSettings) { self.settings = settings }

    public func generate() -> Extract {
        var rng = Xoshiro256(seed: settings.seed)
        let s = settings
        let areaA = SyntheticCaseGenerator.areas.indices.map { _ in rng.normal() * s.areaSDAssessmentDays }
        let areaI = SyntheticCaseGenerator.areas.indices.map { _ in rng.normal() * s.areaSDInvestigationDays }
        let first = s.referralsFrom.dayNumber
        let last = min(s.referralsTo, s.extractDate).dayNumber
        let pilotStart = s.pilotStart.dayNumber
        var children: [Child] = []
        var cases: [Case] = []
        cases.reserveCapacity(s.cases)
        var serials: [Int: Int] = [:]   // (birth day * 2 + sex) → children so far

        guard last >= first, s.cases > 0 else {
            return Extract(settings: s, children: [], cases: [], areaAssessmentShift: areaA, areaInvestigationShift: areaI)
        }
        while cases.count < s.cases {
            // A child and their first referral.
            let area = rng.choose(weights: SyntheticCaseGenerator.areaWeights)
            let g = rng.uniform()
            let gender: CaseRecord.Gender = g < 0.48 ? .girl : (g < 0.98 ? .boy : .other)
            var referral = first + rng.index(below: last - first + 1)
            // Ages 0–17, teenagers more often (weights 1 + age/6).
            let age = rng.choose(weights: (0..<18).map { 1 + Double($0) / 6 })
            let birth = CalendarDate(dayNumber: referral - age * 365 - rng.index(below: 365))
            let female = gender == .girl || (gender == .other && rng.bernoulli(0.5))
            let key = birth.dayNumber * 2 + (female ? 0 : 1)
            let k = serials[key, default: 0]
            serials[key] = k + 1
            // Skatteverket's test numbers use birth numbers 980–999; beyond ten children
            // of one sex born on one day, count down from 978 (docs/cases.md).
            let serial = (k < 10 ? 980 + 2 * k : 978 - 2 * (k - 10)) + (female ? 0 : 1)
            let coordination = rng.bernoulli(0.03)
            children.append(Child(area: area, gender: gender, birth: birth, serial: max(serial, 1), coordination: coordination))
            let child = Int32(children.count - 1)

            // The child's chain of cases: each closed one may bring a re-referral.
            while cases.count < s.cases {
                let pilot = area == 0 && referral >= pilotStart
                let unit = pilot ? 0 : area + 1
                let reason = rng.choose(weights: SyntheticCaseGenerator.reasonWeights)
                let logDays = log(s.assessmentMedianDays) + 0.6 * rng.normal()
                let days = max(0, (exp(logDays) + areaA[area] + (pilot ? s.effectAssessmentDays : 0)).rounded())
                let decision = referral + Int(days)
                var c = Case(child: child, unit: UInt8(unit), reason: UInt8(reason), caseworkers: 1, referral: Int32(referral))
                c.decision = Int32(decision)
                var next: Int?
                if rng.bernoulli(s.investigationShare) {
                    let start = decision + rng.index(below: 3)
                    let years = Double(start - first) / 365.25
                    let mean = s.investigationMeanDays + areaI[area] + s.investigationTrendDaysPerYear * years
                        + (pilot ? s.effectInvestigationDays : 0)
                    // Gamma with shape 4 has SD = mean / 2; the shift moves the mean.
                    let length = max(1, (rng.gamma(shape: 4, scale: s.investigationMeanDays / 4)
                                         - s.investigationMeanDays + mean).rounded())
                    let end = start + Int(length)
                    c.investigationStart = Int32(start)
                    c.investigationEnd = Int32(end)
                    if rng.bernoulli(0.6) {
                        let iStart = end + rng.index(below: 15)
                        c.interventionStart = Int32(iStart)
                        c.interventionEnd = Int32(iStart + Int(max(7, rng.gamma(shape: 2, scale: 120).rounded())))
                        c.interventionHours = Float((rng.gamma(shape: 2, scale: 20) * 2).rounded() / 2)
                    }
                    let extra = max(0, s.caseworkersExtraMean + (pilot ? s.effectCaseworkers : 0))
                    c.caseworkers = UInt8(min(250, 1 + rng.poisson(extra)))
                    let p = min(1, max(0, s.reReferralBase + (pilot ? s.effectReReferral : 0)))
                    let endDate = CalendarDate(dayNumber: end)
                    let window = endDate.days(until: endDate.adding(months: 12))
                    if rng.bernoulli(p) {
                        next = end + 1 + rng.index(below: window)
                    } else if rng.bernoulli(0.10) {
                        next = end + window + 1 + rng.index(below: 730)
                    }
                } else {
                    let extra = max(0, 0.3 + (pilot ? s.effectCaseworkers : 0))
                    c.caseworkers = UInt8(min(250, 1 + rng.poisson(extra)))
                    if rng.bernoulli(0.15) { next = decision + 30 + rng.index(below: 336) }
                }
                if let n = next, n <= last { c.nextReferral = Int32(n) }
                cases.append(c)
                guard let n = next, n <= last else { break }
                referral = n
            }
        }
        // Exports list cases by registration; ids follow referral order within each year.
        cases.sort { ($0.referral, $0.child) < ($1.referral, $1.child) }
        var perYear: [Int: Int] = [:]
        // Wide enough that ids sort as they were registered, as in a real export.
        let width = max(5, String(s.cases).count)
        for i in cases.indices {
            let year = CalendarDate(dayNumber: Int(cases[i].referral)).year
            let n = perYear[year, default: 0] + 1
            perYear[year] = n
            cases[i].caseID = "BU-\(year)-" + SyntheticCaseGenerator.padded(n, width)
        }
        return Extract(settings: s, children: children, cases: cases,
                       areaAssessmentShift: areaA, areaInvestigationShift: areaI)
    }

    /// A valid made-up identity number for a child, `YYYYMMDD-NNNC` (day + 60 for a
    /// samordningsnummer), with the Luhn check digit.
    public static func identityNumber(_ child: Child) -> String {
        let b = child.birth
        let day = b.day + (child.coordination ? 60 : 0)
        let yy = b.year % 100
        let nine = [yy / 10, yy % 10, b.month / 10, b.month % 10, day / 10, day % 10,
                    child.serial / 100, child.serial / 10 % 10, child.serial % 10].map { UInt8($0) }
        let check = IdentityNumber.luhnCheckDigit(nine)
        return padded(b.year, 4) + padded(b.month, 2) + padded(day, 2) + "-" + padded(child.serial, 3) + String(check)
    }

    static func padded(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
