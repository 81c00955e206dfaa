/// A column the mentor directory may show (`directory.fields`).
package enum DirectoryField: String, CaseIterable, Hashable, Sendable {
    case displayName = "display_name", email, department, level, location, expertise
    case capacityLeft = "capacity_left"
}

/// `directory:` settings: the opt-in mentor directory at `/mentors/`.
package struct DirectorySettings: Hashable, Sendable {
    /// Whether the site has the directory (off unless set).
    package var enabled: Bool = false
    /// What each entry shows; emails only when listed here.
    package var fields: [DirectoryField] = [.displayName, .department, .level, .location, .expertise, .capacityLeft]
    /// Defaults.
    package init() {}
}
