package fr.convergence.terrain.core.verdict;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerdictTest {

    @Test
    void combiningKeepsTheWorstSeverityAndEveryMessage() {
        Verdict combined = Verdict.all(Verdict.ok(), Verdict.warning("attention"), Verdict.refused("refusé"));

        assertThat(combined.severity()).isEqualTo(Severity.REFUSED);
        assertThat(combined.messages()).containsExactly("attention", "refusé");
        assertThat(combined.saveAllowed()).isFalse();
    }

    @Test
    void warningsStillAllowSaving() {
        Verdict verdict = Verdict.ok().and(Verdict.warning("palier dépassé"));

        assertThat(verdict.isWarning()).isTrue();
        assertThat(verdict.saveAllowed()).isTrue();
        assertThat(verdict.text()).isEqualTo("palier dépassé");
    }

    @Test
    void okCombinedWithOkIsOkWithoutMessages() {
        Verdict verdict = Verdict.all(Verdict.ok(), Verdict.ok());

        assertThat(verdict.isOk()).isTrue();
        assertThat(verdict.messages()).isEmpty();
    }

    @Test
    void aRefusalMustSayWhy() {
        assertThatThrownBy(() -> new Verdict(Severity.REFUSED, java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
