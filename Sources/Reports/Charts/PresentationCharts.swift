import Presentation

// The SVG charts live in Presentation (`Presentation/Charts/`), beside the result blocks
// that draw them (DESIGN §2); named here too, so that code importing Reports alone finds them.
public typealias LikertBars = Presentation.LikertBars
public typealias ReadinessHeatmap = Presentation.ReadinessHeatmap
public typealias ReadinessTrendChart = Presentation.ReadinessTrendChart
public typealias RunChartSVG = Presentation.RunChartSVG
public typealias ReadinessChartSupport = Presentation.ReadinessChartSupport
public typealias IndicatorTrendChart = Presentation.IndicatorTrendChart
