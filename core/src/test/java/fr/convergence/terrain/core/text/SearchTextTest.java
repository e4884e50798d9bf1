package fr.convergence.terrain.core.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

    @Test
    void foldsAccentsCaseAndSeparators() {
        assertThat(SearchText.fold("Hélène")).isEqualTo("helene");
        assertThat(SearchText.fold("Zoé N'Diaye-Lefèvre")).isEqualTo("zoe n diaye lefevre");
        assertThat(SearchText.fold("Bœuf  Çà")).isEqualTo("boeuf ca");
        assertThat(SearchText.fold(null)).isEmpty();
    }
}
