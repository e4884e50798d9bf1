package fr.convergence.terrain.hub.sync;

import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.core.domain.HoursEntry;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.verdict.Verdict;
import fr.convergence.terrain.core.week.IsoWeek;
import fr.convergence.terrain.core.week.WeekHoursCheck;

import fr.convergence.terrain.hub.sync.HubStore.HubTransaction;
import fr.convergence.terrain.hub.sync.HubStore.RowData;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The week's rules on the hub ({@link WeekHoursCheck}, as the week page runs them): two laptops may each log hours
 * that are fine on their own and together break a limit (35 h a CDDI week, 20 h a PHC week, 10 h a day, hours
 * after an exit recorded elsewhere). The hub checks each hours cell against the participant's week as merged so
 * far; a cell that breaks a rule is refused with the rule's sentence and goes to its laptop's quarantine.
 */
final class HubWeekRules {

    /**
     * Laptop clocks are not trusted: "a week that has not started yet" is judged with the hub's clock plus this, so
     * a laptop a few days ahead still logs its own week.
     */
    static final Duration CLOCK_TOLERANCE = Duration.ofDays(7);

    private final WeekHoursCheck check;

    HubWeekRules(Clock hubClock) {
        this.check = new WeekHoursCheck(Clock.offset(hubClock, CLOCK_TOLERANCE));
    }

    /**
     * The refusal of the hours cell {@code row} (null when new) would get with {@code fields} written, if any.
     * Removing hours is always allowed; a participant without enrolment is not judged (the laptop requires one).
     */
    Optional<String> refusal(HubTransaction tx, HubRow row, Map<String, Object> fields) {
        String participantId = (String) value("participant_id", row, fields);
        Object day = value("work_day", row, fields);
        Object kind = value("kind", row, fields);
        Object minutes = value("minutes", row, fields);
        if (participantId == null || day == null || !(minutes instanceof Integer m) || m == 0
                || Boolean.TRUE.equals(value("deleted", row, fields))) {
            return Optional.empty();
        }
        LocalDate date = LocalDate.parse(day.toString());
        HoursKind hoursKind = HoursKind.valueOf(kind.toString());
        // One participant's week at a time: two exchanges must not each see the week without the other's cells.
        tx.lockParticipant(participantId);
        List<Enrolment> enrolments = tx.dataOfParticipant(participantId, "enrolment").stream()
                .filter(r -> !r.deleted()).map(HubRecords::enrolment)
                .sorted(Comparator.comparing(Enrolment::entryDate)).toList();
        Optional<Enrolment> enrolment = WeekHoursCheck.enrolmentForDay(enrolments, date);
        if (enrolment.isEmpty()) {
            return Optional.empty();
        }
        List<PhcStep> steps = enrolment.get().contractType() != ContractType.PHC ? List.of()
                : tx.dataOfParticipant(participantId, "phc_step").stream()
                .filter(r -> !r.deleted() && enrolment.get().id().equals(r.data().get("enrolment_id")))
                .map(HubRecords::step).toList();
        Verdict verdict = check.check(enrolment.get(), steps, week(tx, participantId, IsoWeek.of(date)),
                new HoursEntry(null, participantId, null, date, hoursKind, m));
        return verdict.isRefused() ? Optional.of(verdict.text()) : Optional.empty();
    }

    /** The participant's stored cells of the week (the cell ids follow from participant, day and kind). */
    private static List<HoursEntry> week(HubTransaction tx, String participantId, IsoWeek week) {
        List<String> ids = new ArrayList<>();
        for (LocalDate d = week.monday(); !d.isAfter(week.sunday()); d = d.plusDays(1)) {
            for (HoursKind kind : HoursKind.values()) {
                ids.add(HoursCell.id(participantId, d, kind));
            }
        }
        List<HoursEntry> entries = new ArrayList<>();
        for (RowData r : tx.data("hours_entry", ids)) {
            Object minutes = r.data().get("minutes");
            if (!r.deleted() && minutes instanceof Integer m) {
                entries.add(new HoursEntry(r.id(), participantId, r.worksiteId(),
                        LocalDate.parse(r.data().get("work_day").toString()),
                        HoursKind.valueOf(r.data().get("kind").toString()), m));
            }
        }
        return entries;
    }

    private static Object value(String field, HubRow row, Map<String, Object> fields) {
        if (fields.containsKey(field)) {
            return fields.get(field);
        }
        return row == null ? null : row.data().get(field);
    }
}
