package fr.convergence.terrain.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncSchema;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code terrain check} prints figures and never a personal field; {@code terrain edit} changes rows through the
 * services, so each edit waits in the outbox, and the checksum of the edited table changes.
 */
class CheckAndEditCommandTest {

    @TempDir
    Path dir;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    private int terrain(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return TerrainCommand.run(TerrainCommandTest.NO_WINDOW, Cli.DEMO_SCRIPT, new PrintWriter(out, true),
                new PrintWriter(err, true), args);
    }

    /** The demo store is encrypted (ADR 0005): reading it takes a signed-in account. */
    private static TerrainStore openSignedIn(Path store) {
        TerrainStore opened = TerrainStore.open(store);
        new AuthService(opened, new PasswordHasher()).signIn("admin", DemoDataGenerator.DEMO_PASSWORD.toCharArray())
                .orElseThrow();
        return opened;
    }

    private JsonNode check(Path store) throws Exception {
        assertThat(terrain("check", "--store", store.toString(), "--user", "admin", "--json")).as(err.toString()).isZero();
        return SyncCodec.json().readTree(out.toString());
    }

    private static String table(JsonNode check, String name, String field) {
        for (JsonNode table : check.path("tables")) {
            if (table.path("table").asText().equals(name)) {
                return table.path(field).asText();
            }
        }
        throw new AssertionError("no table " + name);
    }

    @Test
    void checkGivesFiguresOfEverySyncedTableAndNothingPersonal() throws Exception {
        Path store = dir.resolve("demo.db");
        assertThat(terrain("demo", "--store", store.toString())).isZero();
        List<Participant> participants;
        try (TerrainStore opened = openSignedIn(store)) {
            ParticipantRepository repository = new ParticipantRepository(opened);
            participants = repository.worksiteIds().stream().flatMap(w -> repository.ofWorksite(w).stream()).toList();
        }

        assertThat(terrain("check", "--store", store.toString(), "--user", "admin")).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("Intégrité (SQLite)\u00a0: ok", "Modifications en attente d’envoi\u00a0: 0");
        JsonNode json = check(store);
        assertThat(json.path("tables")).hasSize(SyncSchema.tables().size());
        assertThat(table(json, "participant", "rows")).isEqualTo(String.valueOf(participants.size()));
        for (Participant p : participants) {
            assertThat(text + json).doesNotContain(p.lastName()).doesNotContain(p.firstName());
        }
    }

    @Test
    void checkRefusesAMissingOrForeignFileWithoutTouchingIt() throws Exception {
        assertThat(terrain("check", "--store", dir.resolve("absent.db").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("n’existe pas", "--store");
        assertThat(dir.resolve("absent.db")).doesNotExist();
        Path text = Files.writeString(dir.resolve("notes.txt"), "pas une base");
        assertThat(terrain("check", "--store", text.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("n’est pas un fichier de données de Convergence Terrain")
                .doesNotContain("SQLITE");
        assertThat(Files.readString(text)).isEqualTo("pas une base");
    }

    @Test
    void editsGoThroughTheServicesIntoTheOutbox() throws Exception {
        Path store = dir.resolve("poste.db");
        assertThat(terrain("demo", "--store", store.toString())).isZero();
        JsonNode before = check(store);

        assertThat(terrain("edit", "--store", store.toString(), "--user", "esp", "hours", "--oldest", "--minutes",
                "15")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Heures enregistrées\u00a0: participant=");
        assertThat(terrain("edit", "--store", store.toString(), "--user", "cip", "note", "--newest", "--text",
                "Rendez-vous pris")).as(err.toString()).isZero();
        assertThat(terrain("edit", "--store", store.toString(), "--user", "cip", "phone", "--oldest", "--value",
                "pas un numéro")).isEqualTo(1);
        assertThat(err.toString()).startsWith("Refusé\u00a0: ");

        JsonNode after = check(store);
        assertThat(after.path("pendingChanges").asInt()).isPositive();
        assertThat(table(after, "hours_entry", "sha256")).isNotEqualTo(table(before, "hours_entry", "sha256"));
        assertThat(table(after, "support_note", "rows")).isEqualTo(String.valueOf(
                Long.parseLong(table(before, "support_note", "rows")) + 1));
        assertThat(table(after, "participant", "sha256")).isEqualTo(table(before, "participant", "sha256"));
        try (TerrainStore opened = openSignedIn(store)) {
            assertThat(new HoursRepository(opened).edgeCell(false).orElseThrow().minutes()).isEqualTo(15);
        }
    }

    @Test
    void setupTakesThePasswordLikeEveryCommandAndItsFirstAccountManagesTheLaptop() throws Exception {
        Path store = dir.resolve("installe.db");
        Path password = Files.writeString(dir.resolve("mot-de-passe.txt"), "rouge-velo-lundi\n");

        assertThat(terrain("edit", "--store", store.toString(), "--password-file", password.toString(), "setup",
                "--worksite", "abej-solidarite", "--login", "camille", "--role", "ESP")).isEqualTo(1);
        assertThat(err.toString()).contains("coordinateur·rice ou administrateur·rice");
        Files.deleteIfExists(store);
        assertThat(terrain("edit", "--store", store.toString(), "--password-file", password.toString(), "setup",
                "--worksite", "abej-solidarite", "--login", "sandrine", "--role", "COORDINATOR"))
                .as(err.toString()).isZero();

        assertThat(terrain("edit", "--store", store.toString(), "--user", "sandrine", "--password-file",
                password.toString(), "note", "--participant", "absent", "--text", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("introuvable").contains("Vérifiez les identifiants");
        // The demo password is in TERRAIN_PASSWORD: not this account's, so nothing is read or written.
        assertThat(terrain("edit", "--store", store.toString(), "--user", "sandrine", "note", "--participant",
                "absent", "--text", "x")).isEqualTo(PersonOptions.SIGN_IN_REFUSED);
        assertThat(err.toString()).contains("Identifiant ou mot de passe incorrect pour «\u00a0sandrine\u00a0»")
                .contains("Prochain essai possible dans 1 s");
    }

    @Test
    void anEspChangingAPhoneFromTheCommandLineLeavesTheSocialSecurityNumberAsStored() throws Exception {
        Path store = dir.resolve("esp.db");
        assertThat(terrain("demo", "--store", store.toString())).isZero();
        Participant withNumber;
        try (TerrainStore opened = openSignedIn(store)) {
            ParticipantRepository repository = new ParticipantRepository(opened);
            withNumber = repository.worksiteIds().stream().flatMap(w -> repository.ofWorksite(w).stream())
                    .filter(p -> p.socialSecurityNumber() != null).findFirst().orElseThrow();
        }

        assertThat(terrain("edit", "--store", store.toString(), "--user", "esp", "phone", "--participant",
                withNumber.id(), "--value", "07 01 02 03 04")).as(err.toString()).isZero();

        try (TerrainStore opened = openSignedIn(store)) {
            Participant after = new ParticipantRepository(opened).find(withNumber.id()).orElseThrow();
            assertThat(after.phone()).isEqualTo("07 01 02 03 04");
            assertThat(after.socialSecurityNumber()).isEqualTo(withNumber.socialSecurityNumber());
        }
    }
}
