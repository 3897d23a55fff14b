/// How a report kind is laid out: its sections, which take prose from `--text`, and
/// which slots computed content fills. `ReportAssembler` turns a plan, the prose and
/// the builders' blocks into the document, with a visible placeholder for whatever
/// is still missing.
public struct SectionPlan: Sendable {
    public struct Slot: Sendable {
        public var slot: ReportSlot
        /// The strings key naming what will fill it ("placeholder.domain.readiness"); nil
        /// when an empty slot should simply show nothing.
        public var pendingWhat: String?
        /// Shown only in place of missing prose: a draft compiled from the results, for
        /// the author to edit and confirm (never beside the author's own text).
        public var fallback: Bool
        /// Drafted from the results and shown beside the author's text too (Sammanfattning,
        /// Slutsatser); where the text lacks the section, it stands in for it, so the
        /// section counts as generated, not as missing.
        public var compiled: Bool

        public init(_ slot: ReportSlot, pending: String? = nil, fallback: Bool = false, compiled: Bool = false) {
            self.slot = slot
            self.pendingWhat = pending
            self.fallback = fallback
            self.compiled = compiled
        }
    }

    public var key: String
    public var number: String?
    /// Strings key of the heading (templates may override it).
    public var titleKey: String
    /// Whether the section takes prose from `--text`.
    public var takesText: Bool
    /// Whether missing prose shows a "to be written" placeholder (and is listed on stderr).
    public var textRequired: Bool
    /// Whether the prose comes before the computed content.
    public var textFirst: Bool
    /// A hint printed in the placeholder (what the section should hold).
    public var hintKey: String?
    public var slots: [Slot]
    public var children: [SectionPlan]
    public var pageBreakBefore: Bool
    /// Extra headings the text file may use for this section (e.g. "STRATEGISK VÄRDE").
    public var aliases: [String]
    /// Missing prose leaves the section out of a finished document (still listed on
    /// stderr, and a draft box with `--draft`): the brief's decisions are the author's to
    /// write, and "not written yet" under them tells a steering group nothing.
    public var leftOutUnwritten = false

    public init(key: String, number: String? = nil, titleKey: String, takesText: Bool = true,
                textRequired: Bool = true, textFirst: Bool = true, hintKey: String? = nil,
                slots: [Slot] = [], children: [SectionPlan] = [], pageBreakBefore: Bool = false,
                aliases: [String] = []) {
        self.key = key
        self.number = number
        self.titleKey = titleKey
        self.takesText = takesText
        self.textRequired = textRequired
        self.textFirst = textFirst
        self.hintKey = hintKey
        self.slots = slots
        self.children = children
        self.pageBreakBefore = pageBreakBefore
        self.aliases = aliases
    }

    /// Every plan in the tree, depth first.
    public var flattened: [SectionPlan] { [self] + children.flatMap(\.flattened) }
}
