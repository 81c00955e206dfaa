import RippleCore

extension MetricsComputation {
    /// Reads every event table once, filing each record under the (at most three) periods it counts in.
    func tally() -> Tallies {
        var tallies = Tallies(periods: specs.count, pairSlots: program.pairs.count * slotStride,
                              modules: modules.count, surveys: surveys.count)
        tallySessions(into: &tallies)
        tallyGoals(into: &tallies)
        tallyTrainings(into: &tallies)
        tallyFeedback(into: &tallies)
        return tallies
    }

    private func tallySessions(into tallies: inout Tallies) {
        let stride = slotStride, allSlot = quarterCount, cohortSlot = quarterCount + 1
        let first = allStart.ordinal, last = asOf.ordinal, firstQuarterDay = quarterStarts[0]
        let cohortPeriods = pairCohortPeriod, starts = periodStart, ends = periodEnd
        tallies.sessions.withUnsafeMutableBufferPointer { totals in
            tallies.slots.withUnsafeMutableBufferPointer { slots in
                program.sessions.withUnsafeBufferPointer { sessions in
                for i in sessions.indices where sessions[i].status == .completed {
                    let day = sessions[i].date.ordinal
                    guard day <= last else { continue }
                    let pair = sessions[i].pair
                    let base = pair * stride
                    let fact = SessionFact(sessions[i])
                    slots[base + allSlot].last = max(slots[base + allSlot].last, day)
                    if day >= first {
                        fact.add(to: &totals[0])
                        fact.record(in: &slots[base + allSlot])
                    }
                    if day >= firstQuarterDay {
                        let q = quarterOffset(of: day)
                        fact.add(to: &totals[1 + q])
                        fact.record(in: &slots[base + q])
                        slots[base + q].last = max(slots[base + q].last, day)
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
                }
                // A quarter's "last session" is the last one on or before the quarter's end.
                for p in 0..<program.pairs.count {
                    let base = p * stride
                    for q in 1..<max(1, quarterCount) {
                        slots[base + q].last = max(slots[base + q].last, slots[base + q - 1].last)
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
            guard goal.status != .open, let closed = goal.completed else { continue }
            func close(_ period: Int) {
                if goal.status == .achieved { tallies.goalsAchieved[period] += 1 } else { tallies.goalsDropped[period] += 1 }
                if lastOwner[period] != goal.owner { lastOwner[period] = goal.owner; tallies.goalClosers[period] += 1 }
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
            forEachProgramPeriod(holding: training.completed) { tallies.trainings[$0 * count + m] += 1 }
            for k in memberPeriods[training.participant] where covers(k, training.completed.ordinal) {
                tallies.trainings[k * count + m] += 1
            }
        }
    }

    private func tallyFeedback(into tallies: inout Tallies) {
        let surveyIndex = Dictionary(uniqueKeysWithValues: surveys.enumerated().map { ($1, $0) })
        let count = surveys.count
        // Grouped by respondent, as for goals: distinct respondents become last-seen stamps.
        var lastAny = Array(repeating: -1, count: specs.count)
        var lastPerSurvey = Array(repeating: -1, count: specs.count * count)
        let byRespondent = program.feedback.indices.sorted {
            (program.feedback[$0].respondent, $0) < (program.feedback[$1].respondent, $1)
        }
        for f in byRespondent {
            let response = program.feedback[f]
            guard response.scaleMax > 0 else { continue }
            let s = surveyIndex[response.survey]!
            let normalised = response.score / response.scaleMax
            let who = response.respondent
            func file(_ k: Int) {
                let cell = k * count + s
                tallies.surveyScoreSum[cell] += normalised
                tallies.surveyResponses[cell] += 1
                if lastPerSurvey[cell] != who { lastPerSurvey[cell] = who; tallies.surveyRespondents[cell] += 1 }
                if lastAny[k] != who { lastAny[k] = who; tallies.respondents[k] += 1 }
            }
            forEachProgramPeriod(holding: response.submitted, file)
            if let pair = response.pair {
                let k = pairCohortPeriod[pair]
                if covers(k, response.submitted.ordinal) { file(k) }
            } else {
                for k in memberPeriods[who] where covers(k, response.submitted.ordinal) { file(k) }
            }
        }
    }
}
