package fr.convergence.terrain.app;

import fr.convergence.terrain.core.domain.ParticipantField;
import fr.convergence.terrain.core.domain.Partner;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.domain.ReferralStatusChange;
import fr.convergence.terrain.core.store.ReferralRepository;
import fr.convergence.terrain.app.referral.ReferralListViewModel;
import fr.convergence.terrain.app.referral.ReferralsPage;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferralJourneyTest extends FeatureTestSupport {

    @SuppressWarnings("unchecked")
    private TableView<ReferralListViewModel.Line> table() {
        return lookup("#referral-table").queryAs(TableView.class);
    }

    private List<String> labels(String query) {
        return lookup(query + " .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    void aReferralIsPreparedWithOnlyThePartnersFieldsAndMovedThroughItsWorkflow() {
        startDemoAs("Yanis");
        clickOn("#nav-referrals");

        assertThat(table().getItems()).isNotEmpty();
        assertThat(text("#referral-count")).contains("sans nouvelles du partenaire depuis 30 jours");
        assertThat(table().getItems()).anyMatch(ReferralListViewModel.Line::overdue);
        assertThat(table().getItems().get(0).overdue()).as("overdue referrals come first").isTrue();
        assertThat(lookup("." + ReferralsPage.OVERDUE).queryAll()).as("highlighted rows").isNotEmpty();

        clickOn("#referral-new");
        ComboBox<?> participant = lookup("#referral-participant").queryAs(ComboBox.class);
        Object person = participant.getItems().get(0);
        choose("#referral-participant", person);
        choose("#referral-partner", Partner.CPAM);
        assertThat(labels("#referral-shared")).anyMatch(l -> l.startsWith("Numéro de sécurité sociale"));
        choose("#referral-partner", Partner.BUREAUX_DU_COEUR);
        assertThat(labels("#referral-shared")).hasSize(2)
                .allMatch(l -> l.startsWith("Nom et prénom : ") || l.startsWith("Téléphone : "));
        List<CheckBox> documents = lookup("#referral-documents .check-box").queryAllAs(CheckBox.class).stream().toList();
        assertThat(documents).extracting(CheckBox::getText).containsExactlyElementsOf(
                Partner.BUREAUX_DU_COEUR.usualDocuments());
        clickOn(documents.get(0));
        clickVisible("#referral-save");
        assertThat(text("#referral-errors")).contains("Indiquez l’objet");

        clickOn("#referral-purpose");
        write("Tenue pour un entretien d'embauche");
        clickVisible("#referral-save");

        assertThat(text("#referral-status")).isEqualTo("Brouillon");
        assertThat(text("#referral-title")).endsWith("→ Bureaux du Cœur");
        assertThat(labels("#referral-history")).singleElement().asString().startsWith("18/03/2026 : préparée");

        clickVisible("#referral-move");
        assertThat(text("#referral-status")).isEqualTo("Envoyée");
        assertThat(text("#referral-message")).isEqualTo("Statut changé : Envoyée.");

        fill("#referral-move-date", "20/03/2026");
        clickVisible("#referral-move");
        assertThat(text("#referral-errors")).contains("dans le futur");
        assertThat(text("#referral-status")).isEqualTo("Envoyée");

        fill("#referral-move-date", "18/03/2026");
        choose("#referral-next", ReferralStatus.EN_COURS);
        clickOn("#referral-comment");
        write("Rendez-vous fixe au 25/03");
        clickVisible("#referral-move");
        choose("#referral-next", ReferralStatus.ACCEPTEE);
        clickVisible("#referral-move");

        assertThat(text("#referral-status")).isEqualTo("Acceptée");
        assertThat(labels("#referral-history")).hasSize(4).last().asString()
                .isEqualTo("18/03/2026 : En cours → Acceptée, par Yanis Conseiller (CIP)");
        assertThat(labels("#referral-history").get(2)).endsWith("«\u00a0Rendez-vous fixe au 25/03\u00a0»");
        Node closed = lookup("#referral-closed").query();
        assertThat(closed.isVisible()).isTrue();

        clickVisible("#referral-back");
        choose("#referral-partner-filter", Partner.BUREAUX_DU_COEUR);
        choose("#referral-status-filter", ReferralStatus.ACCEPTEE);
        assertThat(table().getItems()).isNotEmpty()
                .allMatch(l -> l.partner().equals("Bureaux du Cœur") && l.status().equals("Acceptée"))
                .anyMatch(l -> l.purpose().equals("Tenue pour un entretien d'embauche"));

        Referral stored = inDemoStore(store -> new ReferralRepository(store).ofWorksite("abej-solidarite").stream()
                .filter(r -> r.purpose().equals("Tenue pour un entretien d'embauche")).findFirst().orElseThrow());
        assertThat(stored.sharedFields()).containsOnlyKeys(ParticipantField.NOM, ParticipantField.TELEPHONE);
        assertThat(stored.documents().values()).containsExactly(true, false);
        assertThat(stored.history()).extracting(ReferralStatusChange::to).containsExactly(ReferralStatus.BROUILLON,
                ReferralStatus.ENVOYEE, ReferralStatus.EN_COURS, ReferralStatus.ACCEPTEE);
        assertThat(stored.history()).allMatch(c -> c.changedBy().equals(flow.session().user().id()));
    }
}
