import RippleCore

/// The optional headcount table (`headcount.csv`: department, headcount) and the check of `program.headcount`.
extension TableSet {
    func decodeHeadcount(_ row: inout RowReader, _ out: inout Decoded<HeadcountEntry>, _ interner: inout Interner) {
        typealias F = HeadcountField
        let department = row.text(F.department.rawValue)
        let unique = department.map { out.register($0, row: &row, field: F.department.rawValue, what: "department") } ?? false
        if let department, unique, participants.readable, !knownDepartments.contains(department) {
            row.error(F.department.rawValue, "no participant is in the department \(ByteText.quoted(department))",
                      hint: Self.departmentHint(knownDepartments, file: participants.fileName))
        }
        let count = row.int(F.headcount.rawValue, in: 0...Int.max)
        guard row.ok, unique, let department, let count else {
            out.reject(department, unique: unique)
            return
        }
        out.append(HeadcountEntry(department: department, count: count,
                                  location: SourceLocation(file: out.fileName, line: row.line)), line: row.line)
    }

    /// Departments named in the participants table.
    var knownDepartments: Set<String> { Set(participants.records.map(\.department)) }

    /// What to do about a department nobody is in.
    static func departmentHint(_ known: Set<String>, file: String) -> String {
        let some = known.sorted().prefix(5).map { "'\($0)'" }.joined(separator: ", ")
        return "write the department exactly as the department column of \(file) does (\(some)\(known.count > 5 ? ", …" : "")), "
            + "or remove it"
    }

    /// `program.headcount` from ripple.yaml: errors at its entries for departments nobody is in, and when
    /// `headcount.csv` gives the headcount too.
    func checkConfiguredHeadcount(_ entries: [HeadcountEntry]) -> [Diagnostic] {
        guard !entries.isEmpty else { return [] }
        if headcount.readable || files["headcount"] != nil {
            return [.error("the headcount is given twice, in ripple.yaml (program.headcount) and as \(headcount.fileName)",
                           at: entries[0].location, hint: "keep only one of the two")]
        }
        let known = knownDepartments
        return entries.filter { !known.contains($0.department) }.map { entry in
            .error("no participant is in the department \(ByteText.quoted(entry.department)) that program.headcount names",
                   at: entry.location, hint: Self.departmentHint(known, file: participants.fileName))
        }
    }
}
