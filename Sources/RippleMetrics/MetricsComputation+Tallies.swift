import RippleCore

extension MetricsComputation {
    /// Reads every event table once, filing each record under the (at most three) periods it counts in.
    func tally() -> Tallies {
        var tallies = Tallies(periods: specs.count, pairSlots: program.pairs.count * slotsPerPair,
                              modules: modules.count, surveys: surveyKeys.count)
        tallySessions(into: &tallies)
        tallyGoals(into: &tallies)
        tallyTrainings(into: &tallies)
        tallyFeedback(into: &tallies)
        return tallies
    }

    private func tallySessions(into tallies: inout Tallies) {
        // Slot-major layout (`slot * pairs + pair`): each period's slots are one compact block.
        let n = program.pairs.count, allSlot = quarterCount * n, cohortSlot = (quarterCount + 1) * n
        let first = allStart.ordinal, last = asOf.ordinal, firstQuarterDay = quarterStarts[0]
        let cohortPeriods = pairCohortPeriod, starts = periodStart, ends = periodEnd
        tallies.sessions.withUnsafeMutableBufferPointer { totals in
            tallies.slots.withUnsafeMutableBufferPointer { slots in
                program.sessions.withUnsafeBufferPointer { sessions in
                for i in sessions.indices where sessions[i].status == .completed {
                    let day = sessions[i].date.ordinal
                    guard day <= last else { continue }
                    let pair = sessions[i].pair
                    let base = pair
                    let fact = SessionFact(sessions[i])
                    slots[base + allSlot].last = max(slots[base + allSlot].last, day)
                    if day >= first {
                        fact.add(to: &totals[0])
                        fact.record(in: &slots[base + allSlot])
                    }
                    if day >= firstQuarterDay {
                        let q = quarterOffset(of: day)
                        fact.add(to: &totals[1 + q])
                        fact.record(in: &slots[q * n + base])
                        slots[q * n + base].last = max(slots[q * n + base].last, day)
                    } else {
                        slots[base].last = max(slots[base].last, day)
                    }
                    let k = cohortPeriods[pair]
                    if k >= 0, day <= ends[k] {
                        slots[base + cohortSlot].last = max(slots[base + cohortSlot].last, day)
                        if day >= starts[k] {
                            fact.add(to: &totals[k])
                            fact.record(in: &slots[base + cohortSlot])
                        }
                    }
                }
                // Cancelled and no-show sessions: counted, never "last" sessions (a pair that only
                // cancels is at risk).
                for i in sessions.indices where sessions[i].status != .completed {
                    let day = sessions[i].date.ordinal
                    guard day <= last else { continue }
                    let pair = sessions[i].pair, noShow = sessions[i].status == .noShow
                    func add(_ period: Int, _ slot: Int) {
                        if noShow { totals[period].noShow += 1 } else { totals[period].cancelled += 1 }
                        slots[slot].missed += 1
                    }
                    if day >= first { add(0, pair + allSlot) }
                    if day >= firstQuarterDay {
                        let q = quarterOffset(of: day)
                        add(1 + q, q * n + pair)
                    }
                    let k = cohortPeriods[pair]
                    if k >= 0, day >= starts[k], day <= ends[k] { add(k, pair + cohortSlot) }
                }
                }
                // A quarter's "last session" is the last one on or before the quarter's end.
                for q in 1..<max(1, quarterCount) {
                    for p in 0..<n {
                        slots[q * n + p].last = max(slots[q * n + p].last, slots[(q - 1) * n + p].last)
                    }
                }
            }
        }
    }

    private func tallyGoals(into tallies: inout Tallies) {
        // Visiting goals grouped by owner lets "distinct owners per period" be a last-seen stamp.
        var lastOwner = Array(repeating: -1, count: specs.count)
        let byOwner = program.goals.indices.sorted { (program.goals[$0].owner, $0) < (program.goals[$1].owner, $1) }
        for g in byOwner {
            let goal = program.goals[g]
            let k = pairCohortPeriod[goal.pair]
            forEachProgramPeriod(holding: goal.created) { tallies.goalsSet[$0] += 1 }
            if covers(k, goal.created.ordinal) { tallies.goalsSet[k] += 1 }
            guard goal.status != .open, goal.created <= asOf else { continue }
            func close(_ period: Int) {
                if goal.status == .achieved { tallies.goalsAchieved[period] += 1 } else { tallies.goalsDropped[period] += 1 }
                if lastOwner[period] != goal.owner { lastOwner[period] = goal.owner; tallies.goalClosers[period] += 1 }
            }
            // A goal dropped without a date closed when its pair ended; while the pair goes on, the
            // day is unknown, so it only counts in the periods that run to as_of: all time, its cohort.
            guard let closed = goal.completed ?? (goal.status == .dropped ? program.pairs[goal.pair].end : nil) else {
                if goal.status == .dropped {
                    close(0)
                    if k >= 0, periodEnd[k] == asOf.ordinal { close(k) }
                }
                continue
            }
            forEachProgramPeriod(holding: closed, close)
            if covers(k, closed.ordinal) { close(k) }
        }
    }

    private func tallyTrainings(into tallies: inout Tallies) {
        let moduleIndex = Dictionary(uniqueKeysWithValues: modules.enumerated().map { ($1, $0) })
        let count = modules.count
        for training in program.trainings {
            let m = moduleIndex[training.module]!
            let day = training.completed.ordinal
            // Mentors are usually trained before the first pair starts: all time counts every training up to as_of,
            // so it can exceed the sum of the quarters (which begin with the first pair's quarter).
            guard day <= asOf.ordinal else { continue }
            tallies.trainings[m] += 1
            if let first = quarterStarts.first, day >= first { tallies.trainings[(1 + quarterOffset(of: day)) * count + m] += 1 }
            for k in memberPeriods[training.participant] where covers(k, training.completed.ordinal) {
                tallies.trainings[k * count + m] += 1
            }
        }
    }

    private func tallyFeedback(into tallies: inout Tallies) {
        let count = surveyKeys.count, people = program.participants.count
        // Distinct respondents: collect (period, survey or "any", person) keys, then count unique ones.
        var keys: [Int] = []
        keys.reserveCapacity(program.feedback.count * 6)
        let width = count + 1
        program.feedback.withUnsafeBufferPointer { responses in
            for i in responses.indices where responses[i].scaleMax > 0 {
                let s = responseKey[i]
                let normalised = responses[i].score / responses[i].scaleMax
                let who = responses[i].respondent, submitted = responses[i].submitted
                func file(_ k: Int) {
                    let cell = k * count + s
                    tallies.surveyScoreSum[cell] += normalised
                    tallies.surveyResponses[cell] += 1
                    keys.append((k * width + s) * people + who)
                    keys.append((k * width + count) * people + who)
                }
                forEachProgramPeriod(holding: submitted, file)
                if let pair = responses[i].pair {
                    let k = pairCohortPeriod[pair]
                    if covers(k, submitted.ordinal) { file(k) }
                } else {
                    for k in memberPeriods[who] where covers(k, submitted.ordinal) { file(k) }
                }
            }
        }
        keys.sort()
        var previous = -1
        for key in keys where key != previous {
            previous = key
            let cell = key / people, k = cell / width, s = cell % width
            if s == count { tallies.respondents[k] += 1 } else { tallies.surveyRespondents[k * count + s] += 1 }
        }
    }
}
