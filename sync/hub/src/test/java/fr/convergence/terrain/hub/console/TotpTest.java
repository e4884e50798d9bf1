package fr.convergence.terrain.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** RFC 6238 Appendix B: the SHA-1 key "12345678901234567890", 8 digits, T0 = 0, X = 30. */
    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void matchesTheRfc6238TestVectors(long seconds, String expected) {
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertThat(Totp.code(key, seconds / 30, 8, "HmacSHA1")).isEqualTo(expected);
    }

    @Test
    void sixDigitCodesAreTheLastSixOfTheRfcVectors() {
        String secret = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
        assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.codeAt(secret, 59_000)).isEqualTo("287082");
        assertThat(Totp.codeAt(secret, 1_111_111_109_000L)).isEqualTo("081804");
    }

    @Test
    void acceptsOneStepOfDriftEitherWayAndNoMore() {
        String secret = Totp.newSecret();
        long now = 1_800_000_000_000L;
        assertThat(Totp.matchingStep(secret, Totp.codeAt(secret, now), now)).hasValue(now / 1000 / 30);
        assertThat(Totp.matchingStep(secret, Totp.codeAt(secret, now - 30_000), now)).isPresent();
        assertThat(Totp.matchingStep(secret, Totp.codeAt(secret, now + 30_000), now)).isPresent();
        assertThat(Totp.matchingStep(secret, Totp.codeAt(secret, now - 90_000), now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(secret, null, now)).isEmpty();
    }

    @Test
    void base32RoundTripsAndTheUriNamesIssuerAndAccount() {
        byte[] key = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 255};
        assertThat(Totp.base32Decode(Totp.base32(key))).isEqualTo(key);
        assertThat(Totp.uri("Convergence Terrain", "marie", "ABC"))
                .isEqualTo("otpauth://totp/Convergence%20Terrain:marie?secret=ABC&issuer=Convergence%20Terrain"
                        + "&algorithm=SHA1&digits=6&period=30");
    }
}
