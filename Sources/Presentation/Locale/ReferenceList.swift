/// The works behind the methods a report's calculations use, for the final report's
/// "Referens, källor" when the author's text has none: the method section names Welch,
/// Kaplan–Meier or Anhøj's rules, and a FoU reader looks them up here. Cited as the
/// method section and docs/cohort-comparisons.md, docs/readiness.md and
/// docs/runcharts.md use them; the same in both languages (titles are not translated).
public enum ReferenceList {
    /// The works for the parts a report holds (its record's result keys:
    /// `pilot_vs_line`, `readiness`, `improvement`), each once, sorted by author.
    public static func works(results: Set<String>) -> [String] {
        var out = Set<String>()
        if results.contains("pilot_vs_line") { out.formUnion(pilotVsLine) }
        if results.contains("readiness") { out.formUnion(readiness) }
        if results.contains("improvement") { out.formUnion(improvement) }
        return out.sorted { $0.lowercased() < $1.lowercased() }
    }

    static let welch = "Welch, B. L. (1947). The generalization of \u{201C}Student\u{2019}s\u{201D} problem when several different population variances are involved. Biometrika, 34(1–2), 28–35."

    static let pilotVsLine = [
        welch,
        "Conley, T. G. & Taber, C. R. (2011). Inference with \u{201C}difference in differences\u{201D} with a small number of policy changes. The Review of Economics and Statistics, 93(1), 113–125.",
        "Greenwood, M. (1926). The natural duration of cancer. Reports on Public Health and Medical Subjects, 33, 1–26. London: HMSO.",
        "Kaplan, E. L. & Meier, P. (1958). Nonparametric estimation from incomplete observations. Journal of the American Statistical Association, 53(282), 457–481.",
        "MacKinnon, J. G. & Webb, M. D. (2017). Wild bootstrap inference for wildly different cluster sizes. Journal of Applied Econometrics, 32(2), 233–254.",
        "Mantel, N. (1966). Evaluation of survival data and two new rank order statistics arising in its consideration. Cancer Chemotherapy Reports, 50(3), 163–170.",
        "Newcombe, R. G. (1998). Interval estimation for the difference between independent proportions: comparison of eleven methods. Statistics in Medicine, 17(8), 873–890.",
        "Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference. Journal of the American Statistical Association, 22(158), 209–212.",
    ]

    static let readiness = [
        welch,
        "Bliese, P. D. (2000). Within-group agreement, non-independence, and reliability: implications for data aggregation and analysis. I K. J. Klein & S. W. J. Kozlowski (red.), Multilevel theory, research, and methods in organizations (s. 349–381). San Francisco: Jossey-Bass.",
        "Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests. Psychometrika, 16(3), 297–334.",
        "Holm, S. (1979). A simple sequentially rejective multiple test procedure. Scandinavian Journal of Statistics, 6(2), 65–70.",
    ]

    static let improvement = [
        "Anhøj, J. & Olesen, A. V. (2014). Run charts revisited: a simulation study of run chart rules for detection of non-random variation in health care processes. PLoS ONE, 9(11), e113825.",
        "Langley, G. J., Moen, R. D., Nolan, K. M., Nolan, T. W., Norman, C. L. & Provost, L. P. (2009). The improvement guide: a practical approach to enhancing organizational performance (2nd ed.). San Francisco: Jossey-Bass.",
    ]
}
