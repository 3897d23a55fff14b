/// "Did you mean …?": the candidate nearest to a misspelt key or id.
///
/// Candidates within edit distance 3 (Levenshtein, case-insensitive) are ranked by
/// 1. distance;
/// 2. whether the candidate is one the reference may point at (`preferred`: an id of
///    an allowed kind — `contributes_to: [G2]` should suggest the goal G1, not the
///    indicator I2, which is as near but would only give the next error);
/// 3. the length of the prefix it shares with the word (ids share their kind's
///    letter: G2 is nearer G1 than I2);
/// 4. the name, so that ties never depend on a dictionary's hash order and the same
///    file gives the same message on every run.
func closest(_ word: String, in candidates: some Sequence<String>,
             preferring preferred: (String) -> Bool = { _ in false }) -> String? {
    let w = Array(word.lowercased())
    typealias Ranked = (name: String, distance: Int, preferred: Bool, sharedPrefix: Int)
    let ranked = candidates.compactMap { candidate -> Ranked? in
        let c = Array(candidate.lowercased())
        let d = editDistance(w, c)
        guard d <= 3, d < max(w.count, c.count) else { return nil }
        let shared = zip(w, c).prefix { $0 == $1 }.count
        return (candidate, d, preferred(candidate), shared)
    }
    return ranked.min { a, b in
        if a.distance != b.distance { return a.distance < b.distance }
        if a.preferred != b.preferred { return a.preferred }
        if a.sharedPrefix != b.sharedPrefix { return a.sharedPrefix > b.sharedPrefix }
        return a.name < b.name
    }?.name
}

/// Levenshtein distance (insertions, deletions, substitutions each cost 1).
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var row = Array(0...b.count)
    for i in 1...a.count {
        var previous = row[0]
        row[0] = i
        for j in 1...b.count {
            let old = row[j]
            row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
            previous = old
        }
    }
    return row[b.count]
}
