import Statistics

extension ReadinessTrend: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(instrument, forKey: "instrument")
        try c.encode(waves, forKey: "waves")
        try c.encode(correction.rawValue, forKey: "correction")
        try c.encode(correctionNote, forKey: "correction_note")
        try c.encode(minGroup, forKey: "min_group")
        try c.encode(confidence, forKey: "confidence")
        try c.encode(series, forKey: "series")
        try c.encode(notes, forKey: "notes")
    }
}

extension ReadinessTrendWave: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(wave, forKey: "wave")
        try c.encode(aggregated, forKey: "aggregated")
    }
}

extension ReadinessTrendSeries: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(unit, forKey: "unit")
        try c.encode(kind, forKey: "kind")
        try c.encode(key, forKey: kind == "item" ? "item" : "scale")
        try c.encode(points, forKey: "points")
        try c.encode(changes, forKey: "changes")
    }
}

extension ReadinessTrendPoint: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(wave, forKey: "wave")
        try c.encode(aggregated, forKey: "aggregated")
        if let n { try c.encode(n, forKey: "n") } else {
            try c.encodeNil(forKey: FigureKey("n"))
            try c.encode(suppressed ? "suppressed: too few respondents to show" : "not given by the source", forKey: "n_note")
        }
        try c.encode(suppressed, forKey: "suppressed")
        try c.encode(mean, forKey: "mean")
        try c.encode(ciLow, forKey: "ci_low")
        try c.encode(ciHigh, forKey: "ci_high")
    }
}

extension ReadinessTrendChange: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(from, forKey: "from")
        try c.encode(to, forKey: "to")
        try c.encode(method, forKey: "method")
        try c.encode(difference, forKey: "difference")
        try c.encode(ciLow, forKey: "ci_low")
        try c.encode(ciHigh, forKey: "ci_high")
        try c.encode(t, forKey: "t")
        try c.encode(df, forKey: "df")
        try c.encode(p, forKey: "p")
        try c.encode(pAdjusted, forKey: "p_adjusted")
    }
}
