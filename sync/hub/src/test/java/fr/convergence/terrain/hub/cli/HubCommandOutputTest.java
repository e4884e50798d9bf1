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

    /** picocli's own English, which terrain-hub's help and refusals may not contain. */
    static final List<String> ENGLISH = List.of("Usage", "Missing", "Unknown", "Did you mean", "Show this help",
            "Print version", "Commands:", "Invalid value");

    @Test
    void theHelpAndTheRefusalsOfTheCommandLineAreInFrench() {
        Run help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Utilisation\u00a0: terrain-hub", "Commandes\u00a0:",
                "Affiche cette aide et s’arrête.").doesNotContain(ENGLISH);
        Run enrolHelp = run("enrol", "--help");
        assertThat(enrolHelp.out()).contains("Utilisation\u00a0: terrain-hub enrol").doesNotContain(ENGLISH);

        Run missing = run("worksite", "add", "--db", db(), "--id", "eole", "--name", "Éole", "--city", "Lille");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("Option obligatoire manquante\u00a0: --region RÉGION.",
                "Aide\u00a0: terrain-hub worksite add --help").doesNotContain(ENGLISH);

        Run unknown = run("devices", "--dbb", db());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("Option inconnue\u00a0: «\u00a0--dbb\u00a0»", "Vouliez-vous dire --db")
                .doesNotContain(ENGLISH);

        Run number = run("serve", "--port", "huit");
        assertThat(number.exit()).isEqualTo(2);
        assertThat(number.err()).contains("Valeur refusée pour --port", "nombre entier").doesNotContain(ENGLISH);
    }

    @Test
    void anUnknownDeviceOrAFileThatIsNoDatabaseIsSaidInFrenchWithWhatToCheck() throws Exception {
        Run revoke = run("revoke", "--db", db(), "11111111-2222-3333-4444-555555555555");
        assertThat(revoke.exit()).as("an unknown id is a usage error").isEqualTo(2);
        assertThat(revoke.err()).contains("Poste inconnu", "terrain-hub devices");

        Path notes = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "pas une base ".repeat(200));
        Run devices = run("devices", "--db", "jdbc:sqlite:" + notes);
        assertThat(devices.exit()).isNotZero();
        assertThat(devices.err()).contains("La base du hub ne peut pas être utilisée", "vérifiez --db")
                .doesNotStartWith("Erreur");
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

        Run users = run("holders", "--db", db());
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
