/// The Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"): eight colours
/// that stay distinct for the common forms of colour blindness. The report CSS uses
/// it, and domain charts should draw series from `series` in this order — and never
/// rely on colour alone (label lines, use patterns or markers too).
public enum ReportPalette {
    public static let black = "#000000"
    public static let orange = "#E69F00"
    public static let skyBlue = "#56B4E9"
    public static let bluishGreen = "#009E73"
    public static let yellow = "#F0E442"
    public static let blue = "#0072B2"
    public static let vermillion = "#D55E00"
    public static let reddishPurple = "#CC79A7"

    /// Series colours in order of use (yellow last: weak contrast on white).
    public static let series = [blue, orange, bluishGreen, vermillion, reddishPurple, skyBlue, black, yellow]
}
