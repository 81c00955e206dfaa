import Testing
@testable import RippleBuild

@Suite struct ImportNotesTests {
    @Test func notesAreGroupedByKindWithCountsAndPlaces() {
        let notes = ["a.md: the link 'x.md' leads to nothing in the book, so only its text was kept",
                     "src/SUMMARY.md:3:5: 'Later' is a draft in the table of contents (no file), so it was left out",
                     "b.md: the link 'y.md' leads to nothing in the book, so only its text was kept",
                     "b.md: the link 'w.md' leads to nothing in the book, so only its text was kept",
                     "c.md: the link 'z.md' leads to nothing in the book, so only its text was kept",
                     "d.md: the link 'program's' leads to nothing in the book, so only its text was kept",
                     "3 chapters nested more than two levels deep were put at the second level"]
        #expect(ImportNotes.grouped(notes) == [
            "the link '…' leads to nothing in the book, so only its text was kept (5×: a.md, b.md, c.md and 1 more)",
            "'…' is a draft in the table of contents (no file), so it was left out (1×: src/SUMMARY.md:3:5)",
            "3 chapters nested more than two levels deep were put at the second level (1×)",
        ])
    }

    /// A footnote definition whose text starts like a link target (`[^why]: From …`) is not a link to rewrite.
    @Test func footnoteDefinitionsAreNotReferenceLinks() {
        var seen: [String] = []
        let text = "Text.[^why]\n\n[^why]: From the [handbook](hand.md).\n[ref]: other.md\n[gone]: gone.md\n"
        let out = ImportLinks.rewrite(text) { seen.append($0); return $0 == "gone.md" ? "" : "new-" + $0 }
        #expect(seen == ["hand.md", "other.md", "gone.md"])
        // A reference definition to nothing keeps an empty destination, so `[text][gone]` stays a link, not text.
        #expect(out == "Text.[^why]\n\n[^why]: From the [handbook](new-hand.md).\n[ref]: new-other.md\n[gone]: <>\n")
    }

    /// Hugo's documentation marks its tables with emoji codes; they become emoji, except in code.
    @Test func hugoEmojiCodesBecomeEmojiOutsideCode() {
        let text = "Yes|:heavy_check_mark:|:x:\nTime 10:30: `:x:` and :unknown:\n```\n:x:\n```\n"
        #expect(HugoEmoji.rewrite(text) == "Yes|\u{2714}\u{FE0F}|\u{274C}\nTime 10:30: `:x:` and :unknown:\n```\n:x:\n```\n")
    }
}
