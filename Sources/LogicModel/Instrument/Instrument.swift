/// A survey instrument (DESIGN §3.4): statements on one response scale, optional
/// reverse-scored items and sub-scores. Stored as a document of kind `instrument`;
/// this Codable form is the normalised JSON the store keeps.
public struct Instrument: Codable, Sendable, Equatable {
    public static let schemaID = "piloteval/instrument/v1"

    public var id: String
    public var name: String
    /// The name in English documents, where the instrument has one (`name_en`); the
    /// items carry their own `en`.
    public var nameEn: String?
    public var language: Language
    public var source: String?
    public var scale: ResponseScale
    public var items: [SurveyItem]
    public var subscales: [Subscale]

    public init(id: String, name: String, nameEn: String? = nil, language: Language = .sv, source: String? = nil,
                scale: ResponseScale, items: [SurveyItem], subscales: [Subscale] = []) {
        self.id = id
        self.name = name
        self.nameEn = nameEn
        self.language = language
        self.source = source
        self.scale = scale
        self.items = items
        self.subscales = subscales
    }

    public var itemKeys: [String] { items.map(\.key) }

    /// The name a document in `language` shows: the English one where there is one.
    public func name(in language: Language) -> String { language == .en ? nameEn ?? name : name }

    public func item(_ key: String) -> SurveyItem? { items.first { $0.key == key } }

    /// Column names a responses file may not use for items.
    public static let reservedColumns = ["respondent", "unit", "wave", "n"]
}

/// The response scale: whole numbers from `min` to `max`, with labels for some points.
public struct ResponseScale: Codable, Sendable, Equatable {
    public var min: Int
    public var max: Int
    /// Answers at or above this count as agreeing ("share agreeing"); by default the
    /// top two points (6–7 on a 1–7 scale), the usual "top-two box".
    public var agreeFrom: Int
    public var anchors: [ScaleAnchor]

    public init(min: Int, max: Int, agreeFrom: Int? = nil, anchors: [ScaleAnchor] = []) {
        self.min = min
        self.max = max
        self.agreeFrom = agreeFrom ?? Swift.max(min, max - 1)
        self.anchors = anchors
    }

    /// A, the number of response options (for r_wg's uniform null).
    public var options: Int { max - min + 1 }
    /// The neutral middle of the scale (4 on 1–7).
    public var midpoint: Double { Double(min + max) / 2 }
    public var points: [Int] { Array(min...max) }

    /// The value a reverse-scored answer counts as: min + max − x.
    public func reversed(_ x: Double) -> Double { Double(min + max) - x }

    public func anchor(_ value: Int) -> ScaleAnchor? { anchors.first { $0.value == value } }

    enum CodingKeys: String, CodingKey {
        case min, max, anchors
        case agreeFrom = "agree_from"
    }
}

public struct ScaleAnchor: Codable, Sendable, Equatable {
    public var value: Int
    public var sv: String
    public var en: String?

    public init(value: Int, sv: String, en: String? = nil) {
        self.value = value
        self.sv = sv
        self.en = en
    }

    public func label(_ language: Language) -> String { language == .en ? (en ?? sv) : sv }
}

public struct SurveyItem: Codable, Sendable, Equatable {
    /// The column name in response files.
    public var key: String
    /// The statement as respondents read it.
    public var sv: String
    public var en: String?
    /// Scored min + max − x in scale scores, alpha and agreement figures.
    public var reverse: Bool
    /// A short label for charts and tables; the key when absent.
    public var shortSv: String?
    public var shortEn: String?

    public init(key: String, sv: String, en: String? = nil, reverse: Bool = false,
                shortSv: String? = nil, shortEn: String? = nil) {
        self.key = key
        self.sv = sv
        self.en = en
        self.reverse = reverse
        self.shortSv = shortSv
        self.shortEn = shortEn
    }

    public func statement(_ language: Language) -> String { language == .en ? (en ?? sv) : sv }

    public func shortLabel(_ language: Language) -> String {
        (language == .en ? (shortEn ?? shortSv) : (shortSv ?? shortEn)) ?? key
    }

    enum CodingKeys: String, CodingKey {
        case key, sv, en, reverse
        case shortSv = "short_sv", shortEn = "short_en"
    }
}

/// A sub-score: the respondent's mean over these items (reverse items reversed).
public struct Subscale: Codable, Sendable, Equatable {
    public var key: String
    public var sv: String
    public var en: String?
    public var items: [String]

    public init(key: String, sv: String, en: String? = nil, items: [String]) {
        self.key = key
        self.sv = sv
        self.en = en
        self.items = items
    }

    public func label(_ language: Language) -> String { language == .en ? (en ?? sv) : sv }
}
