package fr.convergence.terrain.core.participant;

import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.FollowUp;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.SupportNote;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.week.IsoWeek;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything about one participant that the participant screen and the follow-up sheet show, read in one go.
 * {@code notes} holds only the notes the requesting user may read.
 */
public record ParticipantFile(Participant participant, Worksite worksite, List<Enrolment> enrolments,
                              Map<String, List<PhcStep>> stepsByEnrolment, List<WeekPoint> weeks,
                              Map<YearMonth, Integer> workedMinutesByMonth, List<Referral> referrals,
                              List<FollowUp> followUps, List<SupportNote> notes) {

    /** Worked minutes of one ISO week against the PHC step target (null outside PHC). */
    public record WeekPoint(IsoWeek week, int workedMinutes, Integer targetHours) {
    }

    /** The latest enrolment: the current one, or the last one if the participant has left. */
    public Optional<Enrolment> currentEnrolment() {
        return enrolments.isEmpty() ? Optional.empty() : Optional.of(enrolments.get(enrolments.size() - 1));
    }
}
