import RippleCore

/// Generates a realistic, entirely fictional mentoring program as CSV files, for demos, tests and
/// benchmarks. Deterministic: the same arguments always give the same bytes.
package struct SampleProgramGenerator: Sendable {
    /// How many participants to generate; pairs ≈ 0.8× and sessions ≈ 20× this number.
    package var participants: Int
    /// Seed of the pseudo-random generator.
    package var seed: UInt64
    /// The reporting date: nothing in the data is later.
    package var asOf: Day

    /// Creates a generator.
    package init(participants: Int = 300, seed: UInt64 = 1, asOf: Day = Day(iso: "2026-11-20")!) {
        self.participants = max(2, participants)
        self.seed = seed
        self.asOf = asOf
    }

    /// The files of a realistic program, as CSV, deterministic: same arguments → same bytes.
    ///
    /// Paths are relative to the output folder: `participants.csv`, `cohorts.csv`, `pairs.csv`,
    /// `sessions.csv`, `goals.csv`, `feedback.csv`, `trainings.csv`, `headcount.csv`.
    package func generate() -> [DataFile] {
        var model = SampleModel(participants: participants, seed: seed, asOf: asOf)
        model.build()
        return model.files()
    }
}
