package fr.convergence.terrain.core.referral;

import fr.convergence.terrain.core.domain.Partner;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.domain.ReferralStatusChange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static fr.convergence.terrain.core.domain.ReferralStatus.ACCEPTEE;
import static fr.convergence.terrain.core.domain.ReferralStatus.BROUILLON;
import static fr.convergence.terrain.core.domain.ReferralStatus.ENVOYEE;
import static fr.convergence.terrain.core.domain.ReferralStatus.EN_COURS;
import static fr.convergence.terrain.core.fixtures.Fixtures.date;
import static org.assertj.core.api.Assertions.assertThat;

class ReferralDelayTest {

    private static final LocalDate CREATED = date(2026, 1, 5);

    private static Referral referral(Object... moves) {
        List<ReferralStatusChange> history = new ArrayList<>();
        history.add(new ReferralStatusChange("c0", "r", null, BROUILLON, CREATED, "u", null));
        ReferralStatus status = BROUILLON;
        for (int i = 0; i < moves.length; i += 2) {
            ReferralStatus to = (ReferralStatus) moves[i];
            history.add(new ReferralStatusChange("c" + i, "r", status, to, (LocalDate) moves[i + 1], "u", null));
            status = to;
        }
        return new Referral("r", "p", "w", Partner.CPAM, null, "Droits", Map.of(), Map.of(), status, CREATED,
                history);
    }

    @Test
    void aSentReferralBecomesOverdueOnTheDayTheDelayIsReached() {
        Referral sent = referral(ENVOYEE, date(2026, 1, 10));

        assertThat(ReferralDelay.overdue(sent, 30, date(2026, 2, 8))).isFalse();
        assertThat(ReferralDelay.overdue(sent, 30, date(2026, 2, 9))).isTrue();
    }

    @Test
    void theDelayRestartsWhenThePartnerAnswersEnCours() {
        Referral handled = referral(ENVOYEE, date(2026, 1, 10), EN_COURS, date(2026, 2, 1));

        assertThat(ReferralDelay.lastChange(handled)).isEqualTo(date(2026, 2, 1));
        assertThat(ReferralDelay.overdue(handled, 30, date(2026, 2, 20))).isFalse();
        assertThat(ReferralDelay.overdue(handled, 30, date(2026, 3, 3))).isTrue();
    }

    @Test
    void draftsAndClosedReferralsAreNeverOverdue() {
        assertThat(ReferralDelay.overdue(referral(), 30, date(2027, 1, 1))).isFalse();
        assertThat(ReferralDelay.overdue(referral(ENVOYEE, date(2026, 1, 10), ACCEPTEE, date(2026, 1, 20)), 30,
                date(2027, 1, 1))).isFalse();
    }
}
