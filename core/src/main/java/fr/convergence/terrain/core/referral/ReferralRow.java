package fr.convergence.terrain.core.referral;

import fr.convergence.terrain.core.domain.Referral;
import java.time.Clock;
import java.time.LocalDate;

/**
 * One line of the worksite's referral list: the referral, who it is for, its last move, and whether it is
 * overdue with the service's delay ({@link #overdue(int, Clock)} for another delay).
 */
public record ReferralRow(Referral referral, String participantName, String worksiteName, LocalDate lastChange,
                          boolean overdue) {

    public boolean overdue(int days, Clock clock) {
        return ReferralDelay.overdue(referral, days, LocalDate.now(clock));
    }
}
