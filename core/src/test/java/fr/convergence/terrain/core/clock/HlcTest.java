package fr.convergence.terrain.core.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, finding 6: a version's node is a device id; one of 5,000 characters (stored by SQLite, a 500 on
 * PostgreSQL's {@code varchar(120)}) is not a version at all.
 */
class HlcTest {

    @Test
    void aNodeLongerThanADeviceIdIsNotAVersion() {
        String base = new Hlc(1_700_000_000_000L, 1, "a").encode();
        assertThatThrownBy(() -> Hlc.parse(base.substring(0, 18) + "n".repeat(5_000)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Hlc(1L, 0, "n".repeat(Hlc.MAX_NODE_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        String uuid = UUID.randomUUID().toString();
        assertThat(Hlc.parse(new Hlc(1L, 0, uuid).encode()).node()).isEqualTo(uuid);
        assertThat(Hlc.parse(new Hlc(1L, 0, "n".repeat(Hlc.MAX_NODE_LENGTH)).encode()).node()).hasSize(64);
    }

    @Test
    void aNodeWithAControlCharacterIsNotAVersion() {
        for (String node : new String[] {"a\u0000b", "a\nlevel=ERROR", "\u001b[31m"}) {
            assertThatThrownBy(() -> new Hlc(1L, 0, node)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theLongestVersionFitsTheHubsVersionColumn() {
        assertThat(new Hlc(0xFFFF_FFFF_FFFFL, Hlc.MAX_COUNTER, "n".repeat(Hlc.MAX_NODE_LENGTH)).encode().length())
                .isLessThanOrEqualTo(120);
    }

    @Test
    void anExceptionMessageDoesNotRepeatAHugeVersion() {
        assertThatThrownBy(() -> Hlc.parse("x".repeat(5_000))).satisfies(e ->
                assertThat(e.getMessage()).hasSizeLessThan(200));
    }
}
