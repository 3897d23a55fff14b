import Foundation

/// The Kaplan–Meier (product-limit) estimate of a survival function for right-censored
/// times (Kaplan & Meier 1958), as statsmodels 0.15 `SurvfuncRight`:
/// S(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ) over the distinct event times tᵢ, with nᵢ the number
/// still at risk just before tᵢ (a case censored at tᵢ is still at risk at tᵢ) and
/// Greenwood's standard error se(S(t)) = S(t)·√Σ dᵢ/(nᵢ(nᵢ − dᵢ)).
///
/// "Time to event" here is time to a decision: S(t) is the share of cases still
/// waiting at t, and 1 − S(limit) the share decided within a limit, counting cases
/// still open at the extract date for as long as they were observed.
public struct KaplanMeier: Sendable, Equatable {
    /// One distinct event time.
    public struct Step: Sendable, Equatable {
        public let time: Double
        /// Number (or total weight) at risk just before `time`.
        public let atRisk: Double
        /// Number (or total weight) of events at `time`.
        public let events: Double
        /// S(time), after the events at `time`.
        public let survival: Double
        /// Greenwood's standard error of S(time); undefined once S reaches 0 (and for
        /// weighted estimates, where Greenwood's formula does not apply).
        public let standardError: Figure
    }

    /// Cases used (finite, non-negative times).
    public let n: Int
    /// Cases whose event was observed.
    public let events: Int
    /// Cases censored (still open).
    public let censored: Int
    /// Event times only (statsmodels' `compress=True`).
    public let steps: [Step]
    /// The largest time in the data (event or censored): S is unknown beyond it.
    public let lastTime: Figure
    /// The median: the smallest event time with S(t) ≤ 0.5 (DESIGN §4), with the
    /// confidence interval of statsmodels `quantile_ci(0.5, method='cloglog')` (the
    /// event times at which a z-test of S(t) = 0.5 on the log(−log) scale does not
    /// reject; Brookmeyer & Crowley 1982, as SAS LIFETEST). The upper limit is
    /// undefined ("not reached") when the test does not reject up to the last event.
    public let median: Estimate
    public let confidence: Double
    /// True when the estimate used case weights (then no standard errors).
    public let weighted: Bool
    public let notes: [String]

    /// Relative tolerance when comparing S(t) with 0.5: a product of fractions that
    /// equals 1/2 exactly can come out a few ulps above it.
    static let halfTolerance = 1e-12

    /// - Parameters:
    ///   - times: time to event or to censoring (NaN or negative: left out).
    ///   - observed: true when the event happened at `times[i]`, false when the case
    ///     was censored there.
    ///   - weights: optional non-negative case weights (e.g. inverse-probability
    ///     weights); weighted estimates carry no standard errors or median CI.
    public init(times: [Double], observed: [Bool], weights: [Double]? = nil, confidence: Double = 0.95) {
        precondition(times.count == observed.count, "times and observed differ in length")
        if let weights { precondition(weights.count == times.count, "weights and times differ in length") }
        self.confidence = confidence
        self.weighted = weights != nil
        var notes: [String] = []
        var rows: [(t: Double, event: Bool, w: Double)] = []
        for i in times.indices {
            let w = weights?[i] ?? 1
            guard times[i].isFinite, times[i] >= 0, w.isFinite, w >= 0 else { continue }
            rows.append((times[i], observed[i], w))
        }
        let dropped = times.count - rows.count
        if dropped > 0 { notes.append("\(dropped) case(s) with a missing or negative time (or weight) were left out") }
        rows.sort { $0.t < $1.t }
        n = rows.count
        events = rows.filter { $0.event }.count
        censored = n - events
        lastTime = rows.last.map { Figure($0.t) } ?? Figure(undefined: "there are no cases")

        // Distinct times with their total weight and event weight, then the risk set
        // by summing from the end (as statsmodels' reversed cumulative sum).
        var distinct: [(t: Double, all: Double, d: Double)] = []
        for r in rows {
            if let last = distinct.last, last.t == r.t {
                distinct[distinct.count - 1].all += r.w
                if r.event { distinct[distinct.count - 1].d += r.w }
            } else {
                distinct.append((r.t, r.w, r.event ? r.w : 0))
            }
        }
        var atRisk = [Double](repeating: 0, count: distinct.count)
        var running = 0.0
        for i in stride(from: distinct.count - 1, through: 0, by: -1) {
            running += distinct[i].all
            atRisk[i] = running
        }
        var steps: [Step] = []
        var logS = 0.0
        var greenwood = 0.0
        var reachedZero = false
        for i in distinct.indices where distinct[i].d > 0 {
            let nI = atRisk[i], d = distinct[i].d
            let s: Double
            if d >= nI || reachedZero {
                reachedZero = true
                s = 0
            } else {
                logS += log1p(-d / nI)
                s = exp(logS)
            }
            let se: Figure
            if weighted {
                se = Figure(undefined: "Greenwood's standard error does not apply to weighted estimates")
            } else if reachedZero {
                se = Figure(undefined: "S(t) has reached 0: every case still at risk had the event")
            } else {
                greenwood += d / (nI * (nI - d))
                se = Figure(s * greenwood.squareRoot())
            }
            steps.append(Step(time: distinct[i].t, atRisk: nI, events: d, survival: s, standardError: se))
        }
        self.steps = steps
        self.notes = notes
        self.median = KaplanMeier.medianEstimate(steps: steps, n: rows.count, weighted: weights != nil,
                                                 confidence: confidence)
    }

    /// S(t): the product over event times ≤ t; 1 before the first event; undefined
    /// beyond the last observed time when that time is censored (the estimate is not
    /// defined there) or when there are no cases.
    public func survival(at t: Double) -> Figure {
        guard n > 0 else { return Figure(undefined: "there are no cases") }
        if let last = lastTime.value, t > last, (steps.last?.survival ?? 1) > 0 {
            return Figure(undefined: "\(formatTime(t)) is beyond the last observed time \(formatTime(last)); S is unknown there")
        }
        return Figure(step(at: t)?.survival ?? 1)
    }

    /// The share that had the event within `limit`: 1 − S(limit), with a confidence
    /// interval from Greenwood's standard error on the log(−log) scale (Kalbfleisch &
    /// Prentice 1980; R survival's `conf.type = "log-log"`): with θ = log(−log S) and
    /// se(θ) = se(S)/(S·|log S|), S lies in [S^exp(z·se(θ)), S^exp(−z·se(θ))].
    public func shareWithin(_ limit: Double) -> Estimate {
        let s = survival(at: limit)
        guard let sv = s.value else { return Estimate(undefined: s.note ?? "S is undefined at the limit") }
        let share = Figure(1 - sv)
        if weighted {
            let why = "no confidence interval for weighted estimates"
            return Estimate(estimate: share, ciLow: Figure(undefined: why), ciHigh: Figure(undefined: why))
        }
        guard let st = step(at: limit) else {
            let why = "no event by \(formatTime(limit)): the share is 0 and its interval is not defined by Greenwood's formula"
            return Estimate(estimate: share, ciLow: Figure(undefined: why), ciHigh: Figure(undefined: why))
        }
        guard let se = st.standardError.value, sv > 0, sv < 1 else {
            let why = "S(t) is 0 at the limit: every case had the event"
            return Estimate(estimate: share, ciLow: Figure(undefined: why), ciHigh: Figure(undefined: why))
        }
        let z = Normal.standard.upperQuantile((1 - confidence) / 2)
        let seTheta = se / (sv * abs(log(sv)))
        let lowS = pow(sv, exp(z * seTheta)), highS = pow(sv, exp(-z * seTheta))
        return Estimate(estimate: share, ciLow: Figure(1 - highS), ciHigh: Figure(1 - lowS))
    }

    /// The last event step at or before t.
    public func step(at t: Double) -> Step? {
        var lo = 0, hi = steps.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if steps[mid].time <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : steps[lo - 1]
    }

    static func medianEstimate(steps: [Step], n: Int, weighted: Bool, confidence: Double) -> Estimate {
        guard n > 0 else { return Estimate(undefined: "there are no cases") }
        guard !steps.isEmpty else { return Estimate(undefined: "every case is censored (no event observed), so the median is not reached") }
        let threshold = 0.5 * (1 + halfTolerance)
        let estimate: Figure
        if let hit = steps.first(where: { $0.survival <= threshold }) {
            estimate = Figure(hit.time)
        } else {
            estimate = Figure(undefined: "not reached: more than half of the cases had no event by the last event time \(formatTime(steps.last!.time))")
        }
        if weighted {
            let why = "no confidence interval for weighted estimates"
            return Estimate(estimate: estimate, ciLow: Figure(undefined: why), ciHigh: Figure(undefined: why))
        }
        // statsmodels quantile_ci(p = 0.5, method = "cloglog"): r = (g(S) − g(0.5)) /
        // (g'(S)·se), g(x) = log(−log x), g'(x) = −1/(x log x); keep |r| ≤ z.
        let z = Normal.standard.upperQuantile((1 - confidence) / 2)
        let g0 = log(-log(0.5))
        var inside: [Int] = []
        for (i, s) in steps.enumerated() {
            guard let se = s.standardError.value, s.survival > 0, s.survival < 1, se > 0 else { continue }
            let gPrime = -1 / (s.survival * log(s.survival))
            let r = (log(-log(s.survival)) - g0) / (gPrime * se)
            if abs(r) <= z { inside.append(i) }
        }
        guard let first = inside.first, let last = inside.last else {
            let why = "no event time is compatible with a median at this confidence level (too few events)"
            return Estimate(estimate: estimate, ciLow: Figure(undefined: why), ciHigh: Figure(undefined: why))
        }
        let high = last == steps.count - 1
            ? Figure(undefined: "not reached: the upper limit lies beyond the last event time")
            : Figure(steps[last + 1].time)
        return Estimate(estimate: estimate, ciLow: Figure(steps[first].time), ciHigh: high)
    }
}

func formatTime(_ t: Double) -> String {
    t == t.rounded() && abs(t) < 1e15 ? String(Int(t)) : String(t)
}
