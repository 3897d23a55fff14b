/// How wide a line of a diagram is set, by the advance widths of DejaVu Sans (regular
/// and bold, 2 048 units to the em): the widest of the fonts "Helvetica, Arial,
/// sans-serif" comes out in — rsvg, LibreOffice and Chromium fall back to it where
/// neither Helvetica nor Arial is installed (as on the build machines), and Arial sets the
/// same words about a tenth narrower — so a box sized by it holds its words in each.
/// Counting characters did not: "förändringsbenägenhet" is 21 characters, 165 px at
/// 14 px, where 21 × 0,53 em gave 156 and the word ran over its box's edge.
enum TextWidth {
    /// `text`'s width in em; a character outside the table counts as an "n".
    static func em(_ text: String, bold: Bool = false) -> Double {
        let units = bold ? boldUnits : regularUnits
        let fallback = units[index["n"]!]
        return Double(text.reduce(0) { $0 + (index[$1].map { units[$0] } ?? fallback) }) / 2048
    }

    /// ASCII from the space to the tilde, the Nordic and other common accented letters,
    /// and the typographic marks the reports write (middle dot, dashes, quotes, no-break
    /// space, minus sign).
    static let characters = Array(" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~åäöÅÄÖéÉèÈüÜøØæÆàáçñ·–—‘’“”«»…§°×€\u{00A0}−")
    static let index = Dictionary(characters.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    static let regularUnits: [Int] = [
        651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690,
        1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716, 1087,
        2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767, 1532, 1612,
        1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799, 690, 799, 1716, 1024,
        1024, 1255, 1300, 1126, 1300, 1260, 721, 1300, 1298, 569, 569, 1186, 569, 1995, 1298, 1253,
        1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690, 1303, 1716, 1255,
        1255, 1253, 1401, 1401, 1612, 1260, 1294, 1260, 1294, 1298, 1499, 1253, 1612, 2011, 1995, 1255,
        1255, 1126, 1298, 651, 1024, 2048, 651, 651, 1061, 1061, 1253, 1253, 2048, 1024, 1024, 1716,
        1303, 651, 1716,
    ]
    static let boldUnits: [Int] = [
        713, 934, 1067, 1716, 1425, 2052, 1786, 627, 936, 936, 1071, 1716, 778, 850, 778, 748,
        1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 819, 819, 1716, 1716, 1716, 1188,
        2048, 1585, 1561, 1503, 1700, 1399, 1399, 1681, 1714, 762, 762, 1587, 1305, 2038, 1714, 1741,
        1501, 1741, 1577, 1475, 1397, 1663, 1585, 2259, 1579, 1483, 1485, 936, 748, 936, 1716, 1024,
        1024, 1382, 1466, 1214, 1466, 1389, 891, 1466, 1458, 702, 702, 1362, 702, 2134, 1458, 1407,
        1466, 1466, 1010, 1219, 979, 1458, 1335, 1892, 1321, 1335, 1192, 1458, 748, 1458, 1716, 1382,
        1382, 1407, 1585, 1585, 1741, 1389, 1399, 1389, 1399, 1458, 1663, 1407, 1741, 2146, 2222, 1382,
        1382, 1214, 1458, 778, 1024, 2048, 778, 778, 1346, 1346, 1323, 1323, 2048, 1024, 1024, 1716,
        1425, 713, 1716,
    ]
}
