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
        func add(_ session: Session, to totals: inout SessionTotals) {
            totals.completed += 1
            totals.minutes += session.durationMinutes
            if let rating = session.ratingMentor { totals.ratingSum += Int(rating); totals.ratingCount += 1 }
            if let rating = session.ratingMentee { totals.ratingSum += Int(rating); totals.ratingCount += 1 }
            switch session.ledBy {
            case .mentor: totals.ledByMentor += 1
            case .mentee: totals.ledByMentee += 1
            case .joint: totals.ledJointly += 1
            }
        }
        func record(_ session: Session, in slot: inout PairSlot) {
            slot.completed += 1
            if session.ledBy == .mentee { slot.menteeLed += 1 }
            if session.ratingMentor != nil { slot.raters |= 1 }
            if session.ratingMentee != nil { slot.raters |= 2 }
        }
        tallies.sessions.withUnsafeMutableBufferPointer { totals in
            tallies.slots.withUnsafeMutableBufferPointer { slots in
                for session in program.sessions where session.status == .completed {
                    let day = session.date.ordinal
                    guard day <= last else { continue }
                    let base = session.pair * stride
                    slots[base + allSlot].last = max(slots[base + allSlot].last, day)
                    if day >= first {
                        add(session, to: &totals[0])
                        record(session, in: &slots[base + allSlot])
                    }
                    if day >= firstQuarterDay {
                        let q = quarterOffset(of: day)
                        add(session, to: &totals[1 + q])
                        record(session, in: &slots[base + q])
                        slots[base + q].last = max(slots[base + q].last, day)
                    } else {
                        slots[base].last = max(slots[base].last, day)
                    }
                    let k = cohortPeriod[program.pairs[session.pair].cohort]
                    if k >= 0, day <= specs[k].end.ordinal {
                        slots[base + cohortSlot].last = max(slots[base + cohortSlot].last, day)
                        if day >= specs[k].start.ordinal {
                            add(session, to: &totals[k])
                            record(session, in: &slots[base + cohortSlot])
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
        var closers = Set<Int>()
        let people = program.participants.count
        for goal in program.goals {
            let k = cohortPeriod[program.pairs[goal.pair].cohort]
            forEachProgramPeriod(holding: goal.created) { tallies.goalsSet[$0] += 1 }
            if covers(k, goal.created.ordinal) { tallies.goalsSet[k] += 1 }
            guard goal.status != .open, let closed = goal.completed else { continue }
            func close(_ period: Int) {
                if goal.status == .achieved { tallies.goalsAchieved[period] += 1 } else { tallies.goalsDropped[period] += 1 }
                if closers.insert(period * people + goal.owner).inserted { tallies.goalClosers[period] += 1 }
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
        let count = surveys.count, people = program.participants.count
        var anySurvey = Set<Int>(), perSurvey = Set<Int>()
        for response in program.feedback where response.scaleMax > 0 {
            let s = surveyIndex[response.survey]!
            let normalised = response.score / response.scaleMax
            func file(_ k: Int) {
                tallies.surveyScoreSum[k * count + s] += normalised
                tallies.surveyResponses[k * count + s] += 1
                if perSurvey.insert((k * count + s) * people + response.respondent).inserted {
                    tallies.surveyRespondents[k * count + s] += 1
                }
                if anySurvey.insert(k * people + response.respondent).inserted { tallies.respondents[k] += 1 }
            }
            forEachProgramPeriod(holding: response.submitted, file)
            let cohorts = response.pair.map { [cohortPeriod[program.pairs[$0].cohort]] }
                ?? memberPeriods[response.respondent]
            for k in cohorts where covers(k, response.submitted.ordinal) { file(k) }
        }
    }
}
