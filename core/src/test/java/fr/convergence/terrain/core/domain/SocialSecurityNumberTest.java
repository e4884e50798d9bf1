package fr.convergence.terrain.core.domain;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** The key computed here independently of the class: 97 − (number mod 97), Corsica's 2A as 19 and 2B as 18. */
    private static String withKey(String first13) {
        String digits = first13.replace(" ", "").replace("2A", "19").replace("2B", "18");
        int key = 97 - new BigInteger(digits).mod(BigInteger.valueOf(97)).intValue();
        return first13 + " " + String.format("%02d", key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 84 12 75 114 052", "2 88 02 99 350 111", "1 55 03 13 055 001", "2 70 03 59 350 012",
            "1 80 20 75 001 001", "2 99 50 99 216 003", "3 01 04 99 134 010", "7 01 04 75 120 011",
            "8 95 12 974 11 123", "1 00 01 01 001 001"})
    void aWellFormedNumberWithItsKeyIsAccepted(String first13) {
        String number = withKey(first13);

        assertThat(SocialSecurityNumber.problem(number)).as(number).isEmpty();
        assertThat(SocialSecurityNumber.problem(number.replace(" ", ""))).as("typed without spaces").isEmpty();
        assertThat(SocialSecurityNumber.problem(number.replace(" ", ".")))
                .as("typed with dots").isEmpty();
    }

    @Test
    void theKeyOfAKnownNumberIsComputedAsInseeDoes() {
        // 184127511405235: 1841275114052 mod 97 = 62, and 97 − 62 = 35.
        assertThat(SocialSecurityNumber.key("1 84 12 75 114 052")).isEqualTo(35);
        assertThat(SocialSecurityNumber.problem("1 84 12 75 114 052 35")).isEmpty();
        assertThat(SocialSecurityNumber.problem("1 84 12 75 114 052 42")).get().asString()
                .contains("clé de contrôle");
    }

    @Test
    void corsicaCountsAs19For2AAnd18For2B() {
        // 2 69 05 2A 004 012 is read as 2690519004012 for the key: 28, not what 2A's letters would give.
        assertThat(SocialSecurityNumber.key("2 69 05 2A 004 012")).isEqualTo(28);
        assertThat(SocialSecurityNumber.key("1 55 03 2B 033 123")).isEqualTo(69);
        assertThat(SocialSecurityNumber.problem("2 69 05 2A 004 012 28")).isEmpty();
        assertThat(SocialSecurityNumber.problem("2 69 05 2a 004 012 28")).as("typed in lower case").isEmpty();
        assertThat(SocialSecurityNumber.problem("1 55 03 2B 033 123 69")).isEmpty();
        assertThat(SocialSecurityNumber.problem("1 55 03 2A 033 123 69")).as("2A where 2B was meant").get()
                .asString().contains("clé de contrôle");
        assertThat(SocialSecurityNumber.problem("2 69 05 2C 004 012 28")).get().asString()
                .contains("2A ou 2B");
    }

    @Test
    void eachWrongPartIsNamed() {
        assertThat(SocialSecurityNumber.problem("123")).get().asString()
                .isEqualTo("Le numéro de sécurité sociale n’est pas valide\u00a0: il compte 15 chiffres, clé comprise, "
                        + "et non 3.");
        assertThat(SocialSecurityNumber.problem("1 84 12 75 114 052")).get().asString().contains("15 chiffres");
        assertThat(SocialSecurityNumber.problem("1 84 12 75 114 O52 35")).get().asString()
                .contains("que des chiffres");
        assertThat(SocialSecurityNumber.problem(withKey("5 84 12 75 114 052"))).get().asString()
                .contains("premier chiffre (sexe)");
        assertThat(SocialSecurityNumber.problem(withKey("1 84 13 75 114 052"))).get().asString()
                .contains("mois de naissance").contains("13");
        assertThat(SocialSecurityNumber.problem(withKey("1 84 00 75 114 052"))).get().asString()
                .contains("mois de naissance");
        assertThat(SocialSecurityNumber.problem(withKey("1 84 45 75 114 052"))).get().asString()
                .contains("mois de naissance");
        assertThat(SocialSecurityNumber.problem(withKey("1 84 12 00 114 052"))).get().asString()
                .contains("département de naissance");
        assertThat(SocialSecurityNumber.problem(withKey("1 84 12 970 11 052"))).get().asString()
                .contains("département de naissance");
        assertThat(SocialSecurityNumber.problem(withKey("1 84 12 75 000 052"))).get().asString()
                .contains("commune ou le pays");
        assertThat(SocialSecurityNumber.problem(withKey("1 84 12 75 114 000"))).get().asString()
                .contains("numéro d’ordre");
    }

    @Test
    void nothingTypedIsNotAProblem() {
        assertThat(SocialSecurityNumber.problem(null)).isEmpty();
        assertThat(SocialSecurityNumber.problem("  ")).isEmpty();
    }
}
