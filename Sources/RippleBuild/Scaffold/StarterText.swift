/// The text of a new site's starter files.
enum StarterText {
    static func config(title: String) -> String {
        """
        # Ripple site configuration. Every key is optional; the values shown are the defaults
        # unless noted. Reference: https://github.com/ (see README.md of Ripple, "Configuration").

        title: \(yamlQuoted(title))      # shown in the header and every page's <title>
        organisation: ""                  # who runs the program (footer, EPUB publisher)
        language: en                      # content language, for <html lang> and the EPUB
        base_url: ""                      # the published address, e.g. https://intranet.example.com/mentoring/

        site:
          noindex: true                   # ask search engines not to index the site (intranet default)
          # logo: images/logo.svg         # a header logo under content/; default: Ripple's mark

        markdown:
          smart_punctuation: true         # “curly quotes”, en–dashes and ellipses…
          unsafe_html: false              # true trusts raw HTML in Markdown; false keeps only safe tags

        guide:
          title: My Mentoring Guide       # title of the downloadable guide
          author: ""                      # shown on the title page and in the EPUB
          slug: guide                     # file name of guide/<slug>.epub and .pdf
          # cover: guide/cover.png        # a cover image under content/; default: generated from the title
          pdf: auto                       # auto: when WeasyPrint is installed; always; never

        data:
          list_separator: ";"             # separator of list fields (roles, topics, expertise)
          # columns:                      # map your platform's headers to Ripple's field names
          #   participants:
          #     participant_id: Employee ID

        program:
          fiscal_year_start_month: 1      # 1 = January; 4 = April (FY named by the year it ends in)
          quarter_labels: long            # long: Q3 2026, Q1 FY2027; short: Q3 ’26, Q1 FY27
          # as_of: 2026-11-20             # reporting date; default: latest date in pairs and sessions

        metrics:
          at_risk_days: 60                # an ongoing pair with no session for this long is at risk

        privacy:
          min_group_size: 5               # figures about fewer people are suppressed

        targets:                          # KPI targets shown as met / not met in reports
          match_rate: 0.7
          avg_session_rating: 4.0

        """
    }

    private static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static let home = """
    ---
    title: Welcome to our mentoring program
    summary: Learn, share and grow together — across teams and levels.
    ---
    Our mentoring program connects people across the organisation so that knowledge flows in every direction.

    - Read [the guide](guide/01-welcome.md) to see how the program works.
    - Ready? [Join the next cohort](pages/join.md).

    """

    static let join = """
    ---
    title: How to join
    summary: Four steps from signing up to your first conversation.
    weight: 1
    ---
    ## Steps

    1. Tell us whether you want to mentor, be mentored, or both.
    2. Take the one-hour orientation.
    3. Meet your match within two weeks of the cohort's start.
    4. Agree your goals in your [first conversation](../guide/02-first-conversation.md).

    """

    static let welcome = """
    ---
    title: Welcome
    summary: What the program is for and how this guide is organised.
    ---
    ## Why we mentor

    Mentoring spreads what people know across teams and levels. Everyone learns: mentors as much as mentees.

    ## How to use this guide

    Read the chapters in order before your first conversation, then come back to
    [the skills chapter](03-skills.md#active-listening) whenever you need it.

    """

    static let firstConversation = """
    ---
    title: Your first conversation
    summary: An agenda for the meeting that sets the tone for the whole relationship.
    ---
    ## Agenda

    - Introductions: your paths so far, and what you hope to learn.
    - Goals: one or two things the mentee wants to be different in six months.
    - Ways of working: how often you meet, how you keep in touch, what stays confidential.

    ## After the meeting

    Write your goals down and share them with each other within a week.

    """

    static let skills = """
    ---
    title: Skills for mentors and mentees
    summary: Active listening, guiding, challenging and asking powerful questions.
    ---
    ## Active listening

    Listen to understand, not to reply. Summarise what you heard before you respond.

    ## Guiding

    Offer options and experience, then let the other person choose.

    ## Challenging

    Name the gap between what someone says and what they do — kindly and specifically.

    ## Asking powerful questions

    Open questions that start with *what* or *how* invite reflection: “What would you try if you could not fail?”

    """
}
