package fr.convergence.terrain.app;

import fr.convergence.terrain.app.data.DataFolder;
import fr.convergence.terrain.app.week.WeekRowModel;
import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.account.SetupService;
import fr.convergence.terrain.core.account.Workstation;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.participant.ParticipantService;
import fr.convergence.terrain.core.participant.ParticipantSummary;
import fr.convergence.terrain.core.store.TerrainStore;
import java.time.LocalDate;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A coordinator sees every worksite of the territory through a chooser; an educator has no chooser. */
class WorksiteChooserTest extends AppTestSupport {

    private static final String HOME = "abej-solidarite";
    private static final String OTHER = "eole";

    @Override
    void prepare(DataFolder folder) {
        try (TerrainStore store = TerrainStore.open(folder.realStore(), clock())) {
            User coordinator = new SetupService().install(store, FAST, HOME, "sandrine", "Sandrine Coordinatrice",
                    Role.COORDINATOR, TestAccounts.PASSWORD.toCharArray(), TestAccounts.PASSWORD.toCharArray()).value().orElseThrow();
            new AuthService(store, FAST).createAccount(coordinator, "camille", "Camille Éducatrice", Role.ESP, null,
                    Set.of(HOME), TestAccounts.PASSWORD.toCharArray(), TestAccounts.PASSWORD.toCharArray());
            ParticipantService participants = new ParticipantService(new Workstation(store));
            participants.create(coordinator, person(HOME, "Paul", "Abeille"), phc());
            participants.create(coordinator, person(OTHER, "Zoé", "Éolienne"), phc());
        }
    }

    private static Participant person(String worksite, String first, String last) {
        return new Participant(null, worksite, first, last, LocalDate.of(1980, 1, 2), null, null, null, null, null);
    }

    private static Enrolment phc() {
        return new Enrolment(null, null, null, Programme.PHC, ContractType.PHC, TODAY.minusWeeks(3), null, null, null,
                null, null, null, null, null);
    }

    @SuppressWarnings("unchecked")
    private TableView<ParticipantSummary> participantsTable() {
        return lookup("#participants-table").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private TableView<WeekRowModel> weekTable() {
        return lookup("#week-table").queryAs(TableView.class);
    }

    private void choose(String comboId, String worksiteId) {
        interact(() -> {
            ComboBox<Worksite> combo = lookup(comboId).queryComboBox();
            combo.setValue(combo.getItems().stream().filter(w -> w.id().equals(worksiteId)).findFirst()
                    .orElseThrow());
        });
    }

    private boolean shown(String id) {
        Node node = lookup(id).query();
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aCoordinatorSwitchesWorksiteAndSeesThatWorksitesParticipantsAndWeek() {
        signIn("Sandrine", TestAccounts.PASSWORD);

        assertThat(shown("#week-worksite")).isTrue();
        assertThat(lookup("#week-worksite").<Worksite>queryComboBox().getValue().id()).isEqualTo(HOME);
        assertThat(weekTable().getItems()).extracting(WeekRowModel::name).containsExactly("Abeille Paul");
        choose("#week-worksite", OTHER);
        assertThat(weekTable().getItems()).extracting(WeekRowModel::name).containsExactly("Éolienne Zoé");

        clickOn("#nav-participants");
        assertThat(shown("#participants-worksite")).isTrue();
        assertThat(lookup("#participants-worksite").<Worksite>queryComboBox().getItems())
                .extracting(Worksite::territoryId).containsOnly("lille");
        assertThat(participantsTable().getItems()).extracting(s -> s.participant().lastName())
                .containsExactly("Abeille");
        choose("#participants-worksite", OTHER);

        assertThat(participantsTable().getItems()).extracting(s -> s.participant().lastName())
                .containsExactly("Éolienne");
        assertThat(lookup("#nav-accounts").tryQuery()).as("a coordinator manages the territory's accounts")
                .isPresent();
    }

    @Test
    void anEducatorSeesOnlyTheirWorksiteAndNoChooser() {
        signIn("Camille", TestAccounts.PASSWORD);

        assertThat(shown("#week-worksite")).isFalse();
        assertThat(weekTable().getItems()).extracting(WeekRowModel::name).containsExactly("Abeille Paul");
        clickOn("#nav-participants");
        assertThat(shown("#participants-worksite")).isFalse();
        assertThat(participantsTable().getItems()).extracting(s -> s.participant().lastName())
                .containsExactly("Abeille");
        assertThat(lookup("#nav-accounts").tryQuery()).isEmpty();
    }
}
