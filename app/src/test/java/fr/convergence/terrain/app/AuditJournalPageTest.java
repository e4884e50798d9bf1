package fr.convergence.terrain.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.app.audit.AuditPage;
import fr.convergence.terrain.app.audit.AuditViewModel;
import fr.convergence.terrain.app.shell.PageRegistry;
import fr.convergence.terrain.app.sync.SyncAgent;
import fr.convergence.terrain.core.domain.AuditAction;
import fr.convergence.terrain.core.participant.ParticipantSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * The "Journal d'accès" page (issue 14): a coordinator opens a file, then finds it in the journal with her
 * sign-in, filters by action from the keyboard and exports the journal for Excel; an educator has no such page.
 */
class AuditJournalPageTest extends FeatureTestSupport {

    private AuditPage audit;

    @Override
    Function<SyncAgent, PageRegistry> pages() {
        return sync -> TerrainPages.standard(sync).replace("audit", ctx -> {
            audit = new AuditPage(ctx);
            return audit;
        });
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(String query) {
        return lookup(query).queryAs(TableView.class);
    }

    @Test
    void aCoordinatorFindsTheFileSheOpenedFiltersFromTheKeyboardAndExportsTheJournal() throws Exception {
        startDemoAs("Sandrine");
        clickOn("#nav-participants");
        TableView<ParticipantSummary> participants = table("#participants-table");
        ParticipantSummary first = participants.getItems().get(0);
        interact(() -> {
            participants.getSelectionModel().select(0);
            participants.requestFocus();
        });
        press(KeyCode.ENTER).release(KeyCode.ENTER);
        String name = first.participant().firstName() + " " + first.participant().lastName();
        assertThat(text("#file-title")).isEqualTo(name);

        clickOn("#nav-audit");

        List<AuditViewModel.Row> rows = audit.viewModel().rows();
        assertThat(text("#audit-errors")).isEmpty();
        assertThat(rows).extracting(AuditViewModel.Row::action).containsExactlyInAnyOrder("Dossier consulté",
                "Connexion");
        AuditViewModel.Row opened = rows.stream().filter(r -> r.action().equals("Dossier consulté")).findFirst()
                .orElseThrow();
        assertThat(opened.participant()).isEqualTo(name);
        assertThat(opened.person()).startsWith("Sandrine");
        assertThat(opened.when()).isEqualTo("18/03/2026 10:00");
        assertThat(text("#audit-summary")).isEqualTo("2 entrées, les plus récentes d’abord.");

        // From the keyboard: the action chosen, Enter in a date field searches (the default button).
        choose("#audit-action", AuditAction.CONNEXION);
        clickOn("#audit-to");
        press(KeyCode.ENTER).release(KeyCode.ENTER);
        assertThat(rows).extracting(AuditViewModel.Row::action).containsExactly("Connexion");
        assertThat(rows.get(0).participant()).isEmpty();

        choose("#audit-action", null);
        interact(() -> audit.viewModel().participantProperty().set(audit.viewModel().participants().get(0)));
        clickOn("#audit-search");
        assertThat(rows).extracting(AuditViewModel.Row::participant).containsExactly(name);

        Path file = dataDir.resolve("journal.csv");
        interact(() -> audit.viewModel().export(file));

        assertThat(text("#audit-message")).startsWith("Journal exporté dans " + file + " (1 entrée)");
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = List.of(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("Date;Personne;Action;Salarié·e;Détail;Chantier");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("18/03/2026 10:00:00;Sandrine").contains(";Dossier consulté;" + name + ";");
        // The export is journaled too.
        choose("#audit-action", AuditAction.EXPORT);
        interact(() -> audit.viewModel().participantProperty().set(null));
        clickOn("#audit-search");
        assertThat(rows).extracting(AuditViewModel.Row::detail).containsExactly("journal d’accès (1 entrée)");
    }

    @Test
    void anEducatorHasNoJournalPage() {
        startDemoAs("Camille");

        assertThat(lookup("#nav-audit").tryQuery()).isEmpty();
        assertThat(lookup("#nav-week").tryQuery()).isPresent();
    }
}
