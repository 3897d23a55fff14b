import Statistics

extension ReadinessGaps: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(instrument, forKey: "instrument")
        try c.encode(wave, forKey: "wave")
        try c.encode(aggregated, forKey: "aggregated")
        try c.encode(items, forKey: "items")
        try c.encode(correction.rawValue, forKey: "correction")
        try c.encode(minGroup, forKey: "min_group")
        try c.encode(confidence, forKey: "confidence")
        try c.encode(withinUnits, forKey: "within_units")
        try c.encode(withinUnitsCorrection, forKey: "within_units_correction")
        try c.encode(betweenUnits, forKey: "between_units")
        try c.encode(betweenUnitsCorrection, forKey: "between_units_correction")
        try c.encode(pairwiseCorrection, forKey: "pairwise_correction")
        try c.encode(notes, forKey: "notes")
    }
}

extension ReadinessItemGap: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(unit, forKey: "unit")
        try c.encode(itemA, forKey: "item_a")
        try c.encode(itemB, forKey: "item_b")
        try c.encodeCount(n, forKey: "n")
        try c.encode(meanA, forKey: "mean_a")
        try c.encode(meanB, forKey: "mean_b")
        try c.encode(difference, forKey: "difference")
        try c.encode(ciLow, forKey: "ci_low")
        try c.encode(ciHigh, forKey: "ci_high")
        try c.encode(t, forKey: "t")
        try c.encode(df, forKey: "df")
        try c.encode(p, forKey: "p")
        try c.encode(pAdjusted, forKey: "p_adjusted")
        try c.encode(dz, forKey: "d_z")
    }
}

extension ReadinessUnitGap: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(item, forKey: "item")
        try c.encode(units, forKey: "units")
        try c.encode(range, forKey: "range")
        try c.encode(anovaF, forKey: "anova_f")
        try c.encode(anovaDf1, forKey: "anova_df1")
        try c.encode(anovaDf2, forKey: "anova_df2")
        try c.encode(anovaP, forKey: "anova_p")
        try c.encode(welchF, forKey: "welch_f")
        try c.encode(welchDf1, forKey: "welch_df1")
        try c.encode(welchDf2, forKey: "welch_df2")
        try c.encode(welchP, forKey: "welch_p")
        try c.encode(welchPAdjusted, forKey: "welch_p_adjusted")
        try c.encode(etaSquared, forKey: "eta_squared")
        try c.encode(omegaSquared, forKey: "omega_squared")
        try c.encode(pairwise, forKey: "pairwise")
    }
}

extension ReadinessUnitMean: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(unit, forKey: "unit")
        try c.encodeCount(n, forKey: "n")
        try c.encode(mean, forKey: "mean")
        try c.encode(sd, forKey: "sd")
    }
}

extension ReadinessUnitPair: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(unitA, forKey: "unit_a")
        try c.encode(unitB, forKey: "unit_b")
        try c.encode(difference, forKey: "difference")
        try c.encode(ciLow, forKey: "ci_low")
        try c.encode(ciHigh, forKey: "ci_high")
        try c.encode(t, forKey: "t")
        try c.encode(df, forKey: "df")
        try c.encode(p, forKey: "p")
        try c.encode(pAdjusted, forKey: "p_adjusted")
    }
}

extension KeyedEncodingContainer where K == FigureKey {
    /// A respondent count that an aggregated source may not give: null with a note then.
    fileprivate mutating func encodeCount(_ n: Int?, forKey key: String) throws {
        if let n { try encode(n, forKey: key) } else {
            try encodeNil(forKey: FigureKey(key))
            try encode("not given by the source (aggregated wave)", forKey: key + "_note")
        }
    }
}
