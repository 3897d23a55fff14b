// The library as one import: `import PilotEvalKit` brings every module a program that
// evaluates a pilot from Swift needs (docs/architecture.md). Named so it cannot clash
// with the `piloteval` executable on a case-insensitive file system.
@_exported import Evaluation
@_exported import LogicModel
@_exported import Periods
@_exported import Presentation
@_exported import Reports
@_exported import Statistics
@_exported import Store
