package fr.convergence.terrain.core.rights;

import fr.convergence.terrain.core.domain.HoursEntry;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.ParticipantField;
import fr.convergence.terrain.core.participant.ParticipantFile;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Everything this laptop holds about one person, for a right-of-access request (RGPD article 15): the file as
 * {@code exportedBy} may read it (notes included), every hours cell, the hours per month, and the partners their
 * data went to. {@code demo} marks an export made from a demonstration store.
 */
public record PersonalData(ParticipantFile file, List<HoursEntry> hours, List<MonthHours> months,
                           List<SharedWith> sharedWith, String exportedBy, LocalDate exportedOn, boolean demo) {

    /** Hours of one month by kind (worked or not), in minutes; {@code workedMinutes} adds the worked kinds. */
    public record MonthHours(YearMonth month, Map<HoursKind, Integer> minutesByKind, int workedMinutes) {
    }

    /** One referral's transmission: to whom, when, and which fields of the person were given. */
    public record SharedWith(String referralId, String partner, LocalDate on, List<ParticipantField> fields) {
    }
}
