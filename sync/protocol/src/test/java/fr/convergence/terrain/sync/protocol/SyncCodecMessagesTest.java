package fr.convergence.terrain.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 12, finding 6: a malformed message is described in French, without Java class names or quoted input. */
class SyncCodecMessagesTest {

    @Test
    void aMalformedMessageIsDescribedInFrenchWithoutJavaNames() {
        for (String json : List.of("{\"protocol\":\"un\"}", "{\"protocol\":1,\"operations\":{\"n\":1}}", "[1]",
                "{\"protocol\":1,", "{\"protocol\":1,\"cursor\":\"<script>\"}", "\u00ff{")) {
            assertThatThrownBy(() -> SyncCodec.decode(json.getBytes(StandardCharsets.UTF_8), SyncRequest.class))
                    .as(json).isInstanceOf(SyncCodec.MalformedMessageException.class)
                    .satisfies(e -> assertThat(e.getMessage()).startsWith("Message illisible\u00a0: ")
                            .doesNotContain("fr.convergence").doesNotContain("java.").doesNotContain("`")
                            .doesNotContain("jackson").doesNotContain("<script>").doesNotContain("Source"));
        }
    }

    @Test
    void theJsonLiteralNullIsNoMessage() {
        for (String json : List.of("null", " null ")) {
            assertThatThrownBy(() -> SyncCodec.decode(json.getBytes(StandardCharsets.UTF_8), SyncRequest.class))
                    .isInstanceOf(SyncCodec.MalformedMessageException.class).hasMessageContaining("objet JSON");
        }
    }

    @Test
    void theFieldAndThePlaceAreNamed() {
        assertThatThrownBy(() -> SyncCodec.decode("{\"protocol\":1,\"cursor\":\"x\"}"
                .getBytes(StandardCharsets.UTF_8), SyncRequest.class))
                .hasMessage("Message illisible\u00a0: valeur d’un type inattendu (champ «\u00a0cursor\u00a0»), ligne "
                        + "1 colonne 24.");
    }

    @Test
    void aBrokenGzipBodyIsDescribedInFrench() {
        assertThatThrownBy(() -> SyncCodec.readBounded(new byte[] {31, -117, 8, 0, 1}, 1024, true))
                .hasMessage("Corps compressé (gzip) illisible ou tronqué.");
    }
}
