package fr.convergence.terrain.core.referral;

import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.domain.ReferralStatusChange;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * When a referral waits too long for its partner: it was sent (ENVOYEE) or is being handled (EN_COURS), and its
 * status has not moved for {@code days} days or more. Drafts wait on us, not on the partner, and closed
 * referrals wait on nobody, so neither is ever overdue.
 */
public final class ReferralDelay {

    /** The default delay after which a referral without news is highlighted. */
    public static final int DEFAULT_DAYS = 30;

    private ReferralDelay() {
    }

    /** Whether the referral is in the partner's hands. */
    public static boolean awaitingPartner(ReferralStatus status) {
        return status == ReferralStatus.ENVOYEE || status == ReferralStatus.EN_COURS;
    }

    /** The day of the referral's last status move (its creation day if it never moved). */
    public static LocalDate lastChange(Referral referral) {
        LocalDate last = referral.createdOn();
        for (ReferralStatusChange change : referral.history()) {
            if (change.changedOn() != null && (last == null || change.changedOn().isAfter(last))) {
                last = change.changedOn();
            }
        }
        return last;
    }

    /** Days since the last status move, on {@code today}. */
    public static long daysWithoutNews(Referral referral, LocalDate today) {
        return ChronoUnit.DAYS.between(lastChange(referral), today);
    }

    public static boolean overdue(Referral referral, int days, LocalDate today) {
        return awaitingPartner(referral.status()) && daysWithoutNews(referral, today) >= days;
    }
}
