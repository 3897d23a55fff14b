import Statistics

// The JSON of `readiness summary` (issue 7): snake_case keys, undefined figures as null
// with a sibling `_note` (DESIGN §5). A suppressed count is null with the reason.

extension ReadinessSummary: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(instrument, forKey: "instrument")
        try c.encode(wave, forKey: "wave")
        try c.encode(aggregated, forKey: "aggregated")
        try c.encode(minGroup, forKey: "min_group")
        try c.encode(confidence, forKey: "confidence")
        try c.encode(units, forKey: "units")
        try c.encode(reliability, forKey: "reliability")
        try c.encode(aggregation, forKey: "aggregation")
        try c.encode(notes, forKey: "notes")
    }
}

extension ReadinessUnitSummary: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(unit, forKey: "unit")
        if let n {
            try c.encode(n, forKey: "n")
        } else {
            try c.encodeNil(forKey: FigureKey("n"))
            try c.encode(suppressed ? "suppressed: too few respondents to show" : "not given by the source", forKey: "n_note")
        }
        try c.encode(suppressed, forKey: "suppressed")
        try c.encode(rwgJ, forKey: "rwg_j")
        try c.encode(items, forKey: "items")
        try c.encode(scales, forKey: "scales")
    }
}

extension ReadinessItemSummary: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(item, forKey: "item")
        try c.encode(reverse, forKey: "reverse")
        if let n { try c.encode(n, forKey: "n") } else {
            try c.encodeNil(forKey: FigureKey("n"))
            try c.encode(mean.note ?? "not given by the source", forKey: "n_note")
        }
        try c.encode(mean, forKey: "mean")
        try c.encode(sd, forKey: "sd")
        try c.encode(ciLow, forKey: "ci_low")
        try c.encode(ciHigh, forKey: "ci_high")
        try c.encode(agreeShare, forKey: "agree_share")
        if let distribution {
            try c.encode(distribution, forKey: "distribution")
        } else {
            try c.encodeNil(forKey: FigureKey("distribution"))
            try c.encode(mean.isDefined ? sd.note ?? "not available" : mean.note ?? "not available", forKey: "distribution_note")
        }
    }
}

extension ReadinessScaleSummary: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(scale, forKey: "scale")
        if let n { try c.encode(n, forKey: "n") } else {
            try c.encodeNil(forKey: FigureKey("n"))
            try c.encode(mean.note ?? "not given by the source", forKey: "n_note")
        }
        try c.encode(mean, forKey: "mean")
        try c.encode(sd, forKey: "sd")
        try c.encode(ciLow, forKey: "ci_low")
        try c.encode(ciHigh, forKey: "ci_high")
    }
}

extension ReadinessReliability: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(alpha, forKey: "alpha")
        try c.encode(ciLow, forKey: "ci_low")
        try c.encode(ciHigh, forKey: "ci_high")
        try c.encode(respondents, forKey: "respondents")
        try c.encode(excluded, forKey: "excluded")
        try c.encode(items, forKey: "items")
        try c.encode(subscales, forKey: "subscales")
        try c.encode(notes, forKey: "notes")
    }
}

extension ReadinessScaleReliability: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(scale, forKey: "scale")
        try c.encode(alpha, forKey: "alpha")
        try c.encode(ciLow, forKey: "ci_low")
        try c.encode(ciHigh, forKey: "ci_high")
        try c.encode(respondents, forKey: "respondents")
        try c.encode(items, forKey: "items")
    }
}

extension ReadinessAggregation: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(score, forKey: "score")
        try c.encode(icc1, forKey: "icc1")
        try c.encode(icc2, forKey: "icc2")
        try c.encode(f, forKey: "f")
        try c.encode(p, forKey: "p")
        try c.encode(groupSize, forKey: "group_size")
        try c.encode(units, forKey: "units")
        try c.encode(respondents, forKey: "respondents")
        try c.encode(rwgJ, forKey: "rwg_j")
        try c.encode(verdict.code.rawValue, forKey: "verdict")
        try c.encode(verdict.en, forKey: "verdict_text")
        try c.encode(verdict.sv, forKey: "verdict_text_sv")
        try c.encode(notes, forKey: "notes")
    }
}

extension ReadinessUnitAgreement: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(unit, forKey: "unit")
        try c.encode(rwgJ, forKey: "rwg_j")
        if let level {
            try c.encode(level, forKey: "level")
        } else {
            // No level without a figure to read it from; the figure's note says why.
            try c.encodeNil(forKey: FigureKey("level"))
            try c.encode(rwgJ.note ?? "no r_wg(J) to read a level from", forKey: "level_note")
        }
    }
}
