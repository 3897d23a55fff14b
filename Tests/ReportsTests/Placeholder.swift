// Placeholder until the Reports module lands (issue 9).
import Testing
