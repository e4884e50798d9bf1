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
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.erasure.ErasureReason;
import fr.convergence.terrain.core.store.EnrolmentRepository;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import java.time.LocalDate;
import java.util.Set;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * Erasing a person from their file (issue 14): offered to a coordinator, not to a CIP; the confirmation says what
 * goes and that every laptop and the hub follow; Échap cancels; confirmed with a reason, the person is gone.
 */
class ErasureWorkflowTest extends AppTestSupport {

    private static final String PERSON = "c0ffee00-0000-4000-8000-000000000001";

    @Override
    void prepare(DataFolder folder) {
        try (TerrainStore store = TerrainStore.open(folder.realStore(), clock())) {
            User coordinator = new SetupService().install(store, FAST, "abej-solidarite", "claire",
                    "Claire Coordination", Role.COORDINATOR, PASSWORD.toCharArray(), PASSWORD.toCharArray())
                    .value().orElseThrow();
            new AuthService(store, FAST).createAccount(coordinator, "yanis", "Yanis Conseiller", Role.CIP, null,
                    Set.of("abej-solidarite"), PASSWORD.toCharArray(), PASSWORD.toCharArray());
            store.write("cip", tx -> {
                new ParticipantRepository(store).save(tx, new Participant(PERSON, "abej-solidarite", "Zéphyrine",
                        "Quatremère", LocalDate.of(1980, 5, 4), null, null, null, null, null));
                new EnrolmentRepository(store).save(tx, new Enrolment("c0ffee00-0000-4000-8000-000000000002", PERSON,
                        "abej-solidarite", Programme.CVG, ContractType.CDDI, LocalDate.of(2026, 1, 5),
                        LocalDate.of(2026, 12, 31), 26, null, null, null, null, null, null));
                new HoursRepository(store).set(tx, PERSON, "abej-solidarite", LocalDate.of(2026, 3, 16),
                        HoursKind.TRAVAIL_CHANTIER, 240);
                return null;
            });
        }
    }

    @Test
    void aCoordinatorErasesAPersonAfterAConfirmationThatSaysWhatGoesAndWhere() {
        signIn("Claire", PASSWORD);
        clickOn("#nav-participants");
        doubleClickOn("Quatremère");
        clickOn("#file-erase");

        assertThat(text("#erasure-what")).contains("fiche d’identité\u00a0: 1")
                .contains("heures saisies\u00a0: 1");
        assertThat(text("#erasure-everywhere")).contains("tous les portables").contains("hub national")
                .contains("prochaine synchronisation");
        assertThat(lookup("#erasure-confirm").query().isDisabled()).as("no reason chosen yet").isTrue();
        // The keyboard starts on the reason; Échap cancels and nothing is erased.
        assertThat(lookup("#erasure-reason").query().isFocused()).isTrue();
        type(KeyCode.ESCAPE);
        assertThat(text("#file-title")).isEqualTo("Zéphyrine Quatremère");

        clickOn("#file-erase");
        interact(() -> lookup("#erasure-reason").<ErasureReason>queryComboBox().setValue(ErasureReason.DEMANDE));
        clickOn("#erasure-confirm");

        assertThat(text("#participants-flash")).contains("Zéphyrine Quatremère").contains("effacées de ce poste");
        assertThat(lookup("Quatremère").tryQuery()).isEmpty();
        try (TerrainStore store = TerrainStore.open(new DataFolder(dataDir).realStore(), clock())) {
            assertThat(store.read(sql -> sql.fetchCount(PARTICIPANT, PARTICIPANT.ID.eq(PERSON))).intValue())
                    .isZero();
            assertThat(store.read(sql -> sql.fetchOne(ERASURE, ERASURE.ID.eq(PERSON))).getReason())
                    .isEqualTo("DEMANDE");
        }
    }

    @Test
    void aCipIsNotOfferedTheErasure() {
        signIn("Yanis", PASSWORD);
        clickOn("#nav-participants");
        doubleClickOn("Quatremère");
        assertThat(text("#file-title")).isEqualTo("Zéphyrine Quatremère");
        assertThat(lookup("#file-erase").query().isVisible()).isFalse();
    }
}
