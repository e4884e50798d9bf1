package fr.convergence.terrain.core.referral;

import fr.convergence.terrain.core.domain.Partner;
import fr.convergence.terrain.core.domain.ReferralStatus;

/** The referral list's filters; a null partner or status means all of them. */
public record ReferralFilter(Partner partner, ReferralStatus status, boolean overdueOnly) {

    public static ReferralFilter all() {
        return new ReferralFilter(null, null, false);
    }
}
