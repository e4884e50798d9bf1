package fr.convergence.terrain.core.participant;

import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.ExitReason;
import fr.convergence.terrain.core.verdict.Verdict;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static fr.convergence.terrain.core.fixtures.Fixtures.cddi;
import static fr.convergence.terrain.core.fixtures.Fixtures.date;
import static org.assertj.core.api.Assertions.assertThat;

class ExitRulesTest {

    private static final LocalDate ENTRY = date(2025, 9, 1);

    @Test
    void aCompleteExitIsAccepted() {
        assertThat(ExitRules.checkExit(cddi(ENTRY, 26)
                .exit(date(2026, 3, 13), ExitCategory.EMPLOI_DURABLE, ExitReason.CDI).build()).isOk()).isTrue();
        assertThat(ExitRules.checkExit(cddi(ENTRY, 26)
                .exit(ENTRY, ExitCategory.AUTRE_SORTIE, ExitReason.ABANDON).build()).isOk()).isTrue();
    }

    @Test
    void theExitCannotPrecedeTheEntry() {
        Verdict verdict = ExitRules.checkExit(cddi(ENTRY, 26)
                .exit(date(2025, 8, 31), ExitCategory.AUTRE_SORTIE, ExitReason.ABANDON).build());

        assertThat(verdict.isRefused()).isTrue();
        assertThat(verdict.text()).contains("31/08/2025", "01/09/2025");
    }

    @Test
    void theReasonMustBelongToTheCategory() {
        Verdict verdict = ExitRules.checkExit(cddi(ENTRY, 26)
                .exit(date(2026, 3, 13), ExitCategory.AUTRE_SORTIE, ExitReason.CDI).build());

        assertThat(verdict.isRefused()).isTrue();
        assertThat(verdict.text()).contains("«\u00a0CDI\u00a0»", "Emploi durable", "Autre sortie");
    }

    @Test
    void dateCategoryAndReasonAreAllRequiredAndReportedTogether() {
        Verdict verdict = ExitRules.checkExit(cddi(ENTRY, 26).exit(null, null, null).build());

        assertThat(verdict.isRefused()).isTrue();
        assertThat(verdict.messages()).hasSize(3);
    }
}
