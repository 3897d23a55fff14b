import Presentation

// A report's words (`ReportStrings`) and target rules in words (`TargetRuleText`) live in
// Presentation, beside the result blocks that speak them (DESIGN §2: strings sv/en are
// Presentation's), so a result's blocks are written once for reports, the terminal and
// the web. These names keep them where Reports' files and its clients (the CLI, the web)
// have always found them, without each importing Presentation for a type name.
public typealias ReportStrings = Presentation.ReportStrings
public typealias TargetRuleText = Presentation.TargetRuleText
