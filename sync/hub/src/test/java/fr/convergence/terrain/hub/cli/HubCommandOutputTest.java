package fr.convergence.terrain.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.hub.store.JooqHubStore;
import fr.convergence.terrain.hub.sync.Enrolments;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: what {@code terrain-hub} prints cannot be forged by a label (finding 5), and what it is given is
 * checked (finding 6: {@code enrol --days}).
 */
class HubCommandOutputTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = HubCommand.run(new PrintWriter(out, true), new PrintWriter(err, true),
                Map.<String, String>of()::get, args);
        return new Run(exit, out.toString(), err.toString());
    }

    String db() {
        return "jdbc:sqlite:" + dir.resolve("hub.db");
    }

    @Test
    void aHostileLabelCannotPrintAFakeDeviceLine() {
        String hostile = "Camille\tworksite:eole\tdernière synchro jamais\tRÉVOQUÉ\n"
                + "11111111-2222-3333-4444-555555555555\tworksite:abej-solidarite\tFaux poste\tdernière synchro "
                + "jamais\tactif\u001b[1A\u001b[2K\r";
        try (JooqHubStore store = JooqHubStore.open(db(), null, null)) {
            Enrolments enrolments = new Enrolments(store, Clock.systemUTC());
            String code = enrolments.issueCode("worksite", "abej-solidarite", hostile, Duration.ofDays(1));
            assertThat(enrolments.enrol(code, UUID.randomUUID().toString(), hostile)).isPresent();
        }
        Run devices = run("devices", "--db", db());
        assertThat(devices.exit()).isZero();
        List<String> lines = devices.out().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).split("\t", -1)).hasSize(5);
        assertThat(lines.get(0)).doesNotContain("\u001b").doesNotContain("\r").endsWith("\tactif");

        Run users = run("users", "--db", db());
        assertThat(users.out().lines().toList()).hasSize(1);
        assertThat(users.out().lines().toList().get(0).split("\t", -1)).hasSize(3);
    }

    @Test
    void enrolRefusesAValidityThatIsNotAFewDays() {
        for (String days : List.of("-3", "0", "100000")) {
            Run enrol = run("enrol", "--db", db(), "--worksite", "abej-solidarite", "--label", "x", "--days", days);
            assertThat(enrol.exit()).as("--days %s", days).isEqualTo(2);
            assertThat(enrol.err()).contains("--days").contains("entre 1 et 90 jours");
            assertThat(enrol.out()).isEmpty();
        }
        assertThat(run("enrol", "--db", db(), "--worksite", "abej-solidarite", "--label", "x", "--days", "30")
                .exit()).isZero();
    }
}
