/// Which survey a response belongs to.
package enum SurveyKind: String, CaseIterable, Hashable, Sendable {
    case postSession = "post_session"
    case pulse, midpoint, close, program
}

/// One answer to one survey question. Comments are free text and never published.
package struct Feedback: Hashable, Sendable {
    /// Unique id.
    package var id: String
    /// Index of the respondent in `Program.participants`.
    package var respondent: Int
    /// Index of the pair in `Program.pairs`, when the survey is about a pair.
    package var pair: Int?
    /// The survey.
    package var survey: SurveyKind
    /// When the response was submitted.
    package var submitted: Day
    /// Question id or text.
    package var question: String
    /// The score given.
    package var score: Double
    /// The top of the scale (`score / scaleMax` normalises).
    package var scaleMax: Double
    /// Free-text comment; personal, never published.
    package var comment: String?

    /// Creates a response.
    package init(id: String, respondent: Int, pair: Int? = nil, survey: SurveyKind, submitted: Day, question: String,
                 score: Double, scaleMax: Double, comment: String? = nil) {
        self.id = id; self.respondent = respondent; self.pair = pair; self.survey = survey; self.submitted = submitted
        self.question = question; self.score = score; self.scaleMax = scaleMax; self.comment = comment
    }
}
