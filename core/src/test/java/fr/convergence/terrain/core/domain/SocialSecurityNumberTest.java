package fr.convergence.terrain.core.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SocialSecurityNumberTest {

    @Test
    void theMaskKeepsSexYearOfBirthAndKeyOnly() {
        assertThat(SocialSecurityNumber.masked("1 84 12 75 123 456 42")).isEqualTo("1 84 ** ** *** *** 42");
        assertThat(SocialSecurityNumber.masked("184127512345642")).isEqualTo("1 84 ** ** *** *** 42");
        assertThat(SocialSecurityNumber.masked("2 91 07 2A 056 123 45")).isEqualTo("2 91 ** ** *** *** 45");
        assertThat(SocialSecurityNumber.masked("1 84 12 75 123 456")).isEqualTo("1 84 ** ** *** ***");
    }

    @Test
    void aNumberOfAnotherShapeIsHiddenWholeAndNothingStaysNothing() {
        assertThat(SocialSecurityNumber.masked("12345")).isEqualTo(SocialSecurityNumber.UNREADABLE);
        assertThat(SocialSecurityNumber.masked(null)).isNull();
        assertThat(SocialSecurityNumber.masked("  ")).isNull();
        assertThat(SocialSecurityNumber.isMasked(SocialSecurityNumber.masked("1 84 12 75 123 456 42"))).isTrue();
        assertThat(SocialSecurityNumber.isMasked("1 84 12 75 123 456 42")).isFalse();
    }
}
