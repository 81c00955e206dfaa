/// A training module a participant completed.
package struct Training: Hashable, Sendable {
    /// The four foundational mentoring skills, plus orientation.
    package static let foundationalModules = ["active_listening", "guiding", "challenging", "powerful_questions"]

    /// Index of the participant in `Program.participants`.
    package var participant: Int
    /// Module label (`active_listening`, `guiding`, `challenging`, `powerful_questions`, `orientation`, …).
    package var module: String
    /// When it was completed.
    package var completed: Day
    /// Hours spent.
    package var hours: Double?

    /// Creates a training record.
    package init(participant: Int, module: String, completed: Day, hours: Double? = nil) {
        self.participant = participant; self.module = module; self.completed = completed; self.hours = hours
    }
}
