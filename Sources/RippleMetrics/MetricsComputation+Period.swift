import RippleCore

extension MetricsComputation {
    /// Every figure of period `k`, before privacy.
    func measure(_ k: Int, tallies: Tallies, scratch: inout PeriodScratch) -> RawPeriod {
        let spec = specs[k]
        var m = PeriodMetrics(id: spec.id, kind: spec.kind, label: spec.label, start: spec.start, end: spec.end,
                              toDate: spec.toDate, departments: departments, levels: levels)
        if let c = spec.cohort {
            let cohort = program.cohorts[c]
            m.cohortID = cohort.id; m.cohortName = cohort.name; m.programType = cohort.programType
        }
        scratch.reset()
        let start = spec.start.ordinal, end = spec.end.ordinal
        let slotOffset = spec.quarterOffset ?? (spec.kind == .all ? quarterCount : quarterCount + 1)
        let slotBase = slotOffset * program.pairs.count
        let nd = departments.count
        let pairs = program.pairs, participants = program.participants
        func isActive(_ x: Int) -> Bool { joinedDay[x] <= end && leftDay[x] >= start }

        var departmentPops = Array(repeating: Array(repeating: 0, count: nd), count: 4)
        var levelPops = Array(repeating: Array(repeating: 0, count: levels.count), count: 4)
        var matrixPops = Array(repeating: Array(repeating: 0, count: nd), count: nd)
        var connected = Set<Int>()
        var pairsActive = 0, pairsStarted = 0, crossDepartment = 0, crossLevel = 0, swapPairs = 0, swapped = 0
        var atRisk = 0, monthlyPairs = 0, monthlyMeeting = 0, completed = 0, closedEarly = 0, capacityUsed = 0
        var meetingPairs = 0, scheduledPairs = 0
        var daysToMatch: [Int] = []

        let scope: [Int] = spec.cohort.map { cohortPairs[$0] } ?? Array(program.pairs.indices)
        for p in scope {
            let slot = tallies.slots[slotBase + p]
            let mentor = pairs[p].mentor, mentee = pairs[p].mentee, status = pairs[p].status
            let pairStart = pairStart[p], pairEnd = pairEnd[p]
            let dm = departmentOf[mentee], lm = levelOf[mentee]

            if slot.completed > 0 {
                meetingPairs += 1
                m.byDepartment.sessions[dm]! += Int(slot.completed)
                m.byLevel.sessions[lm]! += Int(slot.completed)
                if scratch.menteesWithSessions.insert(mentee) { departmentPops[2][dm] += 1; levelPops[2][lm] += 1 }
            }
            if slot.completed > 0 || slot.missed > 0 { scheduledPairs += 1 }
            if slot.raters & 1 != 0 { scratch.raters.insert(mentor); scratch.mentorRaters.insert(mentor) }
            if slot.raters & 2 != 0 { scratch.raters.insert(mentee); scratch.menteeRaters.insert(mentee) }
            if start <= pairStart, pairStart <= end {
                pairsStarted += 1
                if let requested = pairs[p].requested {
                    daysToMatch.append(Int(pairStart - requested.ordinal))
                    scratch.matchedMentees.insert(mentee)
                }
                if earliestMenteeStart[mentor] < pairStart { scratch.becameMentors.insert(mentor) }
            }
            if start <= pairEnd, pairEnd <= end, status == .completed || status == .closedEarly {
                if status == .completed { completed += 1 } else { closedEarly += 1 }
            }
            if atRiskRule.isAtRisk(start: pairStart, end: pairEnd, lastCompleted: slot.last, on: end) { atRisk += 1 }
            guard pairStart <= end, pairEnd >= start else { continue }

            pairsActive += 1
            scratch.activePairs.insert(p)
            // Active people come from pairing, in the role they hold in the pair; in a reciprocal
            // cohort both people mentor and are mentored.
            scratch.paired.insert(mentor); scratch.paired.insert(mentee)
            scratch.pairedMentors.insert(mentor); scratch.pairedMentees.insert(mentee)
            if pairIsReciprocal[p] { scratch.pairedMentors.insert(mentee); scratch.pairedMentees.insert(mentor) }
            let dr = departmentOf[mentor]
            if dr != dm { crossDepartment += 1; connected.insert(min(dr, dm) * nd + max(dr, dm)) }
            if levelOf[mentor] != lm { crossLevel += 1 }
            m.byDepartment.pairs[dm]! += 1
            m.byLevel.pairs[lm]! += 1
            if scratch.menteesPaired.insert(mentee) { departmentPops[1][dm] += 1; levelPops[1][lm] += 1 }
            m.departmentMatrix.cells[dr][dm]! += 1
            if slot.completed > 0 {
                swapPairs += 1
                if slot.menteeLed > 0 { swapped += 1 }
            }
            // Still active on the period's last day; met in its last 30 days (that day included).
            if pairEnd >= end {
                monthlyPairs += 1
                if slot.last != .min, slot.last > end - 30 { monthlyMeeting += 1 }
            }
            if participants[mentor].mentorCapacity != nil, participants[mentor].roles.contains(.mentor), isActive(mentor) {
                capacityUsed += 1
            }
            if secondCohortDay[mentor] <= end { scratch.returning.insert(mentor) }
            if secondCohortDay[mentee] <= end { scratch.returning.insert(mentee) }
        }
        // Distinct people per matrix cell: a mentor has one row, so visiting pairs grouped by mentor
        // a column stamp suffices; likewise for mentees and rows.
        var seen = Array(repeating: -1, count: nd)
        for p in pairsByMentor where scratch.activePairs.contains(p) {
            let mentor = pairs[p].mentor, column = departmentOf[pairs[p].mentee]
            if seen[column] != mentor { seen[column] = mentor; matrixPops[departmentOf[mentor]][column] += 1 }
        }
        seen = Array(repeating: -1, count: nd)
        for p in pairsByMentee where scratch.activePairs.contains(p) {
            let mentee = pairs[p].mentee, row = departmentOf[pairs[p].mentor]
            if seen[row] != mentee { seen[row] = mentee; matrixPops[row][departmentOf[mentee]] += 1 }
        }

        var enrolled = 0, enrolledMentors = 0, enrolledMentees = 0, matched = 0, capacity = 0, capacityMentors = 0
        var active = 0, mentorsTrained = 0, menteesTrained = 0
        var enrolledByDepartment = Array(repeating: 0, count: nd)
        let members: [Int] = spec.cohort.map { cohortMembers[$0] } ?? Array(program.participants.indices)
        for x in members {
            if scratch.paired.contains(x) {
                active += 1
                m.byDepartment.participants[departmentOf[x]]! += 1
                m.byLevel.participants[levelOf[x]]! += 1
                departmentPops[0][departmentOf[x]] += 1
                levelPops[0][levelOf[x]] += 1
                if scratch.pairedMentors.contains(x), foundationalDone[x] <= end { mentorsTrained += 1 }
                if scratch.pairedMentees.contains(x), foundationalDone[x] <= end { menteesTrained += 1 }
            }
            guard isActive(x) else { continue }
            let roles = participants[x].roles
            enrolled += 1
            enrolledByDepartment[departmentOf[x]] += 1
            m.byDepartment.enrolled[departmentOf[x]]! += 1
            m.byLevel.enrolled[levelOf[x]]! += 1
            departmentPops[3][departmentOf[x]] += 1
            levelPops[3][levelOf[x]] += 1
            if roles.contains(.mentor) {
                enrolledMentors += 1
                if let cap = participants[x].mentorCapacity { capacity += cap; capacityMentors += 1 }
            }
            if roles.contains(.mentee) {
                enrolledMentees += 1
                if scratch.pairedMentees.contains(x) { matched += 1 }
            }
        }
        let mentors = scratch.pairedMentors.count, mentees = scratch.pairedMentees.count
        // Enrolment share: enrolled people of the departments with a headcount ÷ that headcount.
        var coveredEnrolled = 0, coveredHeadcount = 0
        m.enrolmentShareByDepartment = headcount.map { entry in
            let enrolledHere = departmentIndex[entry.key].map { enrolledByDepartment[$0] } ?? 0
            coveredEnrolled += enrolledHere; coveredHeadcount += entry.value ?? 0
            return Keyed(entry.key, share(enrolledHere, entry.value ?? 0))
        }
        m.enrolmentShare = headcount.isEmpty ? nil : share(coveredEnrolled, coveredHeadcount)

        let totals = tallies.sessions[k]
        m.participantsActive = active
        m.mentorsActive = mentors
        m.menteesActive = mentees
        m.participantsEnrolled = enrolled
        m.mentorsEnrolled = enrolledMentors
        m.menteesEnrolled = enrolledMentees
        m.pairsActive = pairsActive
        m.pairsStarted = pairsStarted
        m.sessionsCompleted = totals.completed
        m.sessionHours = rounded(Double(totals.minutes) / 60, 1)
        m.avgSessionRating = totals.ratingCount == 0 ? nil : rounded(Double(totals.ratingSum) / Double(totals.ratingCount), 2)
        m.crossDepartmentShare = share(crossDepartment, pairsActive)
        m.crossLevelShare = share(crossLevel, pairsActive)
        m.roleSwapShare = share(swapped, swapPairs)
        m.atRiskPairs = atRisk
        m.medianDaysToMatch = median(daysToMatch)
        m.goalsAchieved = tallies.goalsAchieved[k]
        m.trainingsCompleted = modules.enumerated().map { Keyed($1, tallies.trainings[k * modules.count + $0]) }

        m.matchRate = share(matched, enrolledMentees)
        m.mentorCapacityUse = share(capacityUsed, capacity)
        m.sessionsPerActivePair = share(totals.completed, pairsActive, decimals: 2)
        m.monthlyMeetingShare = share(monthlyMeeting, monthlyPairs)
        m.goalsSet = tallies.goalsSet[k]
        m.goalCompletionRate = share(tallies.goalsAchieved[k], tallies.goalsAchieved[k] + tallies.goalsDropped[k])
        m.surveyScore = surveyKeys.enumerated().map { s, key in
            let n = tallies.surveyResponses[k * surveyKeys.count + s]
            return Keyed(key, n == 0 ? nil : rounded(tallies.surveyScoreSum[k * surveyKeys.count + s] / Double(n), 3))
        }
        m.surveyResponseRate = share(tallies.respondents[k], enrolled)
        m.pairsCompleted = completed
        m.pairsClosedEarly = closedEarly
        m.completionRate = share(completed, completed + closedEarly)
        m.mentorTrainingCoverage = share(mentorsTrained, mentors)
        m.menteeTrainingCoverage = share(menteesTrained, mentees)
        m.sessionsLedByMentor = totals.ledByMentor
        m.sessionsLedByMentee = totals.ledByMentee
        m.sessionsLedJointly = totals.ledJointly
        m.departmentsConnected = connected.count
        m.menteesBecameMentors = scratch.becameMentors.count
        m.returningParticipants = scratch.returning.count
        m.sessionsCancelled = totals.cancelled
        m.sessionsNoShow = totals.noShow
        let scheduled = totals.completed + totals.cancelled + totals.noShow
        m.cancellationRate = share(totals.cancelled, scheduled)
        m.noShowRate = share(totals.noShow, scheduled)
        let menteeRatings = totals.ratingCount - totals.mentorRatingCount
        m.avgRatingByMentors = totals.mentorRatingCount == 0 ? nil
            : rounded(Double(totals.mentorRatingSum) / Double(totals.mentorRatingCount), 2)
        m.avgRatingByMentees = menteeRatings == 0 ? nil
            : rounded(Double(totals.ratingSum - totals.mentorRatingSum) / Double(menteeRatings), 2)

        var waitingCount = 0
        if spec.cohort == nil {
            let waiting = WaitingRule.waiting(in: program, on: spec.end)
            waitingCount = waiting.count
            m.menteesWaiting = waitingCount
            m.medianDaysWaiting = median(waiting.map { Int(end - $0.since.ordinal) })
        } else {
            m.menteesWaiting = nil
        }

        var raw = RawPeriod(metrics: m, population: spec.cohort.map { min(enrolled, cohortMembers[$0].count) } ?? enrolled)
        raw.pairs = pairsActive
        // People behind person-level figures; pairs behind pair-level ones (a pair is not k people).
        raw.populations = [
            "session_hours": meetingPairs,
            "avg_session_rating": scratch.raters.count,
            "cross_department_share": pairsActive,
            "cross_level_share": pairsActive,
            "role_swap_share": swapPairs,
            "median_days_to_match": scratch.matchedMentees.count,
            "match_rate": enrolledMentees,
            "mentor_capacity_use": capacityMentors,
            "sessions_per_active_pair": pairsActive,
            "monthly_meeting_share": monthlyPairs,
            "goal_completion_rate": tallies.goalClosers[k],
            "survey_response_rate": tallies.respondents[k],
            "enrolment_share": coveredEnrolled,
            "completion_rate": completed + closedEarly,
            "mentor_training_coverage": mentors,
            "mentee_training_coverage": mentees,
            "cancellation_rate": scheduledPairs,
            "no_show_rate": scheduledPairs,
            "avg_rating_by_mentors": scratch.mentorRaters.count,
            "avg_rating_by_mentees": scratch.menteeRaters.count,
            "median_days_waiting": waitingCount,
        ]
        raw.surveyPopulations = surveyKeys.indices.map { tallies.surveyRespondents[k * surveyKeys.count + $0] }
        raw.enrolmentPopulations = headcount.map { departmentIndex[$0.key].map { enrolledByDepartment[$0] } ?? 0 }
        raw.departmentPopulations = departmentPops
        raw.levelPopulations = levelPops
        raw.matrixPopulations = matrixPops
        return raw
    }

    /// Distinct participants ever paired by each quarter's end.
    func reach() -> [ReachPoint] {
        var newcomers = Array(repeating: 0, count: quarterCount)
        for day in firstPaired where day <= asOf.ordinal {
            newcomers[quarterOffset(of: max(day, allStart.ordinal))] += 1
        }
        var total = 0
        return newcomers.enumerated().map { offset, count in
            total += count
            let spec = specs[1 + offset]
            return ReachPoint(quarter: spec.id, label: spec.label, end: spec.end, participantsReached: total)
        }
    }
}
