import Testing
@testable import RippleBuild
import RippleCore

/// `privacy.audit` in ripple.yaml: error (default), warn or off.
@Suite struct PrivacyAuditSettingTests {
    @Test func readsTheAuditMode() throws {
        #expect(try ConfigParser.parse("title: X\n").privacy.audit == .error)
        #expect(try ConfigParser.parse("privacy:\n  audit: warn\n").privacy.audit == .warn)
        #expect(try ConfigParser.parse("privacy:\n  min_group_size: 3\n  audit: off\n").privacy.audit == .off)
    }

    @Test func anUnknownModeIsLocated() {
        let error = #expect(throws: DiagnosticError.self) { try ConfigParser.parse("privacy:\n  audit: loud\n") }
        #expect(error?.diagnostics.map(\.description) == ["ripple.yaml:2:10: error: 'audit' must be one of error, warn, off, not 'loud'"])
    }
}
