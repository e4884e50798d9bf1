package fr.convergence.terrain.core.referral;

import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.domain.ReferralStatusChange;
import fr.convergence.terrain.core.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;

import static fr.convergence.terrain.core.domain.ReferralStatus.ACCEPTEE;
import static fr.convergence.terrain.core.domain.ReferralStatus.BROUILLON;
import static fr.convergence.terrain.core.domain.ReferralStatus.ENVOYEE;
import static fr.convergence.terrain.core.domain.ReferralStatus.EN_COURS;
import static fr.convergence.terrain.core.domain.ReferralStatus.REFUSEE;
import static fr.convergence.terrain.core.domain.ReferralStatus.SANS_SUITE;
import static fr.convergence.terrain.core.fixtures.Fixtures.date;
import static org.assertj.core.api.Assertions.assertThat;

class ReferralWorkflowTest {

    private static final LocalDate ON = date(2026, 3, 18);
    private static final String CIP = "u-cip";

    @Test
    void theWorkflowMovesForwardWithItsDocumentedShortcuts() {
        assertThat(ReferralWorkflow.allowedNext(BROUILLON)).containsExactlyInAnyOrder(ENVOYEE, SANS_SUITE);
        assertThat(ReferralWorkflow.allowedNext(ENVOYEE)).containsExactlyInAnyOrder(EN_COURS, ACCEPTEE, REFUSEE,
                SANS_SUITE);
        assertThat(ReferralWorkflow.allowedNext(EN_COURS)).containsExactlyInAnyOrder(ACCEPTEE, REFUSEE, SANS_SUITE);
        assertThat(ReferralWorkflow.checkTransition(ENVOYEE, EN_COURS, ON, CIP).isOk()).isTrue();
        assertThat(ReferralWorkflow.checkTransition(ENVOYEE, ACCEPTEE, ON, CIP).isOk()).isTrue();
        assertThat(ReferralWorkflow.checkTransition(BROUILLON, SANS_SUITE, ON, CIP).isOk()).isTrue();
    }

    @Test
    void aMoveRefusedBecauseAnotherLaptopClosedTheReferralNamesTheLaptopWhenKnown() {
        assertThat(ReferralWorkflow.closedElsewhere(ACCEPTEE, ON, "Portable B", EN_COURS)).isEqualTo("Cette "
                + "orientation a été close («\u00a0Acceptée\u00a0») le 18/03/2026 "
                + "sur le poste «\u00a0Portable B\u00a0»\u00a0: le passage à «\u00a0En cours\u00a0» n’est pas appliqué. "
                + "Voyez avec ce poste\u00a0; créez une nouvelle orientation si besoin.");
        assertThat(ReferralWorkflow.closedElsewhere(SANS_SUITE, ON, null, ACCEPTEE))
                .startsWith("Cette orientation a été close («\u00a0Sans suite\u00a0») le 18/03/2026 sur un autre "
                        + "poste\u00a0: ");
    }

    @Test
    void referralCannotMoveBackwards() {
        Verdict verdict = ReferralWorkflow.checkTransition(EN_COURS, ENVOYEE, ON, CIP);

        assertThat(verdict.isRefused()).isTrue();
        assertThat(verdict.text()).contains("en arrière", "En cours", "Envoyée");
        assertThat(ReferralWorkflow.checkTransition(ENVOYEE, BROUILLON, ON, CIP).isRefused()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = ReferralStatus.class, names = {"ACCEPTEE", "REFUSEE", "SANS_SUITE"})
    void nothingLeavesAFinalStatus(ReferralStatus terminal) {
        assertThat(ReferralWorkflow.allowedNext(terminal)).isEmpty();
        for (ReferralStatus to : ReferralStatus.values()) {
            assertThat(ReferralWorkflow.checkTransition(terminal, to, ON, CIP).isRefused()).isTrue();
        }
    }

    @Test
    void aDraftMustBeSentBeforeBeingInProgress() {
        Verdict verdict = ReferralWorkflow.checkTransition(BROUILLON, EN_COURS, ON, CIP);

        assertThat(verdict.isRefused()).isTrue();
        assertThat(verdict.text()).contains("Envoyez d’abord");
        assertThat(ReferralWorkflow.checkTransition(BROUILLON, ACCEPTEE, ON, CIP).isRefused()).isTrue();
    }

    @Test
    void everyTransitionIsDatedAndSigned() {
        assertThat(ReferralWorkflow.checkTransition(ENVOYEE, EN_COURS, null, CIP).isRefused()).isTrue();
        assertThat(ReferralWorkflow.checkTransition(ENVOYEE, EN_COURS, ON, " ").isRefused()).isTrue();
        Verdict neither = ReferralWorkflow.checkTransition(ENVOYEE, EN_COURS, null, null);
        assertThat(neither.messages()).hasSize(2);
    }

    @Test
    void aReferralIsCreatedAsADraft() {
        assertThat(ReferralWorkflow.checkTransition(null, BROUILLON, ON, CIP).isOk()).isTrue();
        assertThat(ReferralWorkflow.checkTransition(null, ACCEPTEE, ON, CIP).isRefused()).isTrue();
    }

    @Test
    void recordedChangesAreCheckedTheSameWay() {
        ReferralStatusChange backwards = new ReferralStatusChange("c1", "r1", ACCEPTEE, EN_COURS, ON, CIP, null);
        ReferralStatusChange forward = new ReferralStatusChange("c2", "r1", EN_COURS, ACCEPTEE, ON, CIP, "Dossier ok");

        assertThat(ReferralWorkflow.checkChange(backwards).isRefused()).isTrue();
        assertThat(ReferralWorkflow.checkChange(forward).isOk()).isTrue();
    }
}
