package fr.convergence.terrain.core.week;

import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.core.domain.HoursEntry;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.verdict.Verdict;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The single check the week view (and the hub, on what laptops send) runs when an hours cell changes: quarter
 * hours, dates (entry, exit, future weeks), 10 h worked a day, the PHC or CDDI weekly limits and the CVG 5 years,
 * combined into one {@link Verdict}. Emptying a cell (0) is always allowed, so a wrong value can be removed.
 */
public final class WeekHoursCheck {

    private final Clock clock;
    private final PhcStepLadder ladder;

    /** With the default PHC ladder (4, 6, 8, 12, 16, 20 h). */
    public WeekHoursCheck(Clock clock) {
        this(clock, PhcStepLadder.DEFAULT);
    }

    public WeekHoursCheck(Clock clock, PhcStepLadder ladder) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ladder = Objects.requireNonNull(ladder, "ladder");
    }

    /**
     * Checks {@code newValue} replacing the cell of the same day and kind among {@code weekEntries}.
     *
     * @param phcSteps    the enrolment's PHC steps (ignored for a CDDI)
     * @param weekEntries the participant's stored entries of the cell's ISO week; entries of other participants
     *                    or other weeks are ignored, the stored value of the same cell is replaced by the new one
     * @param newValue    participant, day, kind and minutes of the cell (id and worksite may be null)
     */
    public Verdict check(Enrolment enrolment, Collection<PhcStep> phcSteps, Collection<HoursEntry> weekEntries,
                         HoursEntry newValue) {
        if (!enrolment.participantId().equals(newValue.participantId())) {
            throw new IllegalArgumentException("Hours of participant " + newValue.participantId()
                    + " checked against the enrolment of " + enrolment.participantId());
        }
        Verdict value = HoursCell.checkMinutes(newValue.minutes());
        if (value.isRefused() || newValue.minutes() == 0) {
            return value;
        }
        LocalDate day = newValue.day();
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(HoursDateRules.checkDay(enrolment, day, clock));
        verdicts.add(CvgRules.checkSupportOn(enrolment, day));
        if (newValue.kind().worked()) {
            IsoWeek week = IsoWeek.of(day);
            List<HoursEntry> weekAfter = weekWith(weekEntries, newValue, week);
            verdicts.add(HoursRules.checkDailyWorked(day, HoursRules.workedMinutesOn(weekAfter, day)));
            int weekWorked = HoursRules.workedMinutes(weekAfter);
            if (enrolment.contractType() == ContractType.PHC) {
                verdicts.add(PhcRules.checkWeek(weekWorked, PhcRules.targetHours(phcSteps, week, ladder), week));
            } else if (enrolment.contractType() == ContractType.CDDI) {
                verdicts.add(CddiRules.checkWeek(weekWorked, week));
            }
        }
        return Verdict.all(verdicts);
    }

    /**
     * The enrolment a cell of {@code day} is checked against: the last one active that day, else the latest that
     * overlaps the day's week, else the latest of all. The week page and the hub choose alike.
     *
     * @param enrolments the participant's enrolments, oldest entry first
     */
    public static Optional<Enrolment> enrolmentForDay(List<Enrolment> enrolments, LocalDate day) {
        return enrolments.stream().filter(e -> e.activeOn(day)).reduce((a, b) -> b)
                .or(() -> enrolmentOfWeek(enrolments, IsoWeek.of(day)))
                .or(() -> enrolments.isEmpty() ? Optional.empty() : Optional.of(enrolments.get(enrolments.size() - 1)));
    }

    /** The latest enrolment that overlaps the week, if any. */
    public static Optional<Enrolment> enrolmentOfWeek(List<Enrolment> enrolments, IsoWeek week) {
        Enrolment found = null;
        for (Enrolment e : enrolments) {
            boolean overlaps = !e.entryDate().isAfter(week.sunday())
                    && (e.exitDate() == null || !e.exitDate().isBefore(week.monday()));
            if (overlaps && (found == null || !e.entryDate().isBefore(found.entryDate()))) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The participant's entries of the week as they would be once the new value is stored. */
    private static List<HoursEntry> weekWith(Collection<HoursEntry> entries, HoursEntry newValue, IsoWeek week) {
        List<HoursEntry> result = new ArrayList<>();
        for (HoursEntry entry : entries) {
            boolean sameCell = entry.day().equals(newValue.day()) && entry.kind() == newValue.kind();
            if (entry.participantId().equals(newValue.participantId()) && week.contains(entry.day()) && !sameCell) {
                result.add(entry);
            }
        }
        result.add(newValue);
        return result;
    }
}
