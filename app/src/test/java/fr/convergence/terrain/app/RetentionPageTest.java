package fr.convergence.terrain.app;

import static fr.convergence.terrain.app.TestAccounts.PASSWORD;
import static fr.convergence.terrain.core.store.generated.Tables.ERASURE;
import static fr.convergence.terrain.core.store.generated.Tables.PARTICIPANT;
import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.app.data.DataFolder;
import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.account.SetupService;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.erasure.RetentionService.FileRetention;
import fr.convergence.terrain.core.store.EnrolmentRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import java.time.LocalDate;
import java.util.Set;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * The "Conservation des données" page (issue 14): files archived or due on the application's day (fixed clock,
 * 18/03/2026), durations shortened but not lengthened, files due erased after a confirmation; not shown to a CIP.
 */
class RetentionPageTest extends AppTestSupport {

    private static final String EXPIRED = "c0ffee00-0000-4000-8000-00000000000a";
    private static final String ARCHIVED = "c0ffee00-0000-4000-8000-00000000000b";

    @Override
    void prepare(DataFolder folder) {
        try (TerrainStore store = TerrainStore.open(folder.realStore(), clock())) {
            User admin = new SetupService().install(store, FAST, "abej-solidarite", "alice", "Alice Admin",
                    Role.ADMIN, PASSWORD.toCharArray(), PASSWORD.toCharArray()).value().orElseThrow();
            new AuthService(store, FAST).createAccount(admin, "yanis", "Yanis Conseiller", Role.CIP, null,
                    Set.of("abej-solidarite"), PASSWORD.toCharArray(), PASSWORD.toCharArray());
            person(store, EXPIRED, "Échue", LocalDate.of(2023, 6, 1));
            person(store, ARCHIVED, "Archivée", LocalDate.of(2025, 11, 1));
            person(store, "c0ffee00-0000-4000-8000-00000000000c", "Encore", null);
        }
    }

    @SuppressWarnings("unchecked")
    private TableView<FileRetention> table() {
        return lookup("#retention-table").queryAs(TableView.class);
    }

    @Test
    void anAdministratorSeesTheFilesDueShortensTheDurationsAndErasesThem() {
        signIn("Alice", PASSWORD);
        clickOn("#nav-retention");
        assertThat(table().getItems()).extracting(FileRetention::displayName)
                .containsExactly("Échue Témoin", "Archivée Témoin");
        assertThat(text("#retention-archive")).isEqualTo("3");
        assertThat(text("#retention-erase")).isEqualTo("24");

        fill("#retention-erase", "36");
        clickOn("#retention-save");
        assertThat(text("#retention-errors")).contains("pas allongée");
        fill("#retention-erase", "4");
        clickOn("#retention-save");
        assertThat(text("#retention-message")).isEqualTo("Durées enregistrées.");
        assertThat(table().getItems()).extracting(f -> f.stage().label()).containsExactly("À effacer", "À effacer");

        clickOn("#retention-erase-due");
        assertThat(text("#retention-confirm-text")).contains("2 dossiers échus seront effacés").contains("hub");
        type(KeyCode.ESCAPE);
        assertThat(lookup("#retention-confirm-text").query().isVisible()).as("Échap hides the confirmation").isFalse();
        clickOn("#retention-erase-due");
        clickOn("#retention-confirm");
        assertThat(text("#retention-message")).isEqualTo("2 dossiers effacés de ce poste.");
        assertThat(table().getItems()).isEmpty();
        try (TerrainStore store = TerrainStore.open(new DataFolder(dataDir).realStore(), clock())) {
            assertThat(store.read(sql -> sql.fetchCount(PARTICIPANT)).intValue()).isEqualTo(1);
            java.util.List<String> reasons = store.read(sql -> sql.selectFrom(ERASURE).fetch(r -> r.getReason()));
            assertThat(reasons).containsExactly("CONSERVATION", "CONSERVATION");
        }
    }

    @Test
    void aCipDoesNotSeeThePage() {
        signIn("Yanis", PASSWORD);
        assertThat(lookup("#nav-retention").tryQuery()).isEmpty();
    }

    private static void person(TerrainStore store, String id, String first, LocalDate exit) {
        store.write("cip", tx -> {
            new ParticipantRepository(store).save(tx, new Participant(id, "abej-solidarite", first, "Témoin",
                    LocalDate.of(1980, 5, 4), null, null, null, null, null));
            new EnrolmentRepository(store).save(tx, new Enrolment(id.replace("c0ffee00", "e0000000"), id,
                    "abej-solidarite", Programme.CVG, ContractType.CDDI, LocalDate.of(2022, 1, 3),
                    LocalDate.of(2027, 1, 2), 26, null, null, null, exit, null, null));
            return null;
        });
    }
}
