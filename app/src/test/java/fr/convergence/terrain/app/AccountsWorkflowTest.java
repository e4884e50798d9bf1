package fr.convergence.terrain.app;

import fr.convergence.terrain.app.account.AccountsViewModel.AccountRow;
import fr.convergence.terrain.app.data.DataFolder;
import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.account.SetupService;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.store.TerrainStore;
import java.util.Set;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountsWorkflowTest extends AppTestSupport {

    @Override
    void prepare(DataFolder folder) {
        try (TerrainStore store = TerrainStore.open(folder.realStore(), clock())) {
            User admin = new SetupService().install(store, FAST, "abej-solidarite", "alice", "Alice Admin",
                    Role.ADMIN, TestAccounts.PASSWORD.toCharArray(), TestAccounts.PASSWORD.toCharArray()).value().orElseThrow();
            new AuthService(store, FAST).createAccount(admin, "bruno", "Bruno Éducateur", Role.ESP, null,
                    Set.of("abej-solidarite"), TestAccounts.PASSWORD.toCharArray(), TestAccounts.PASSWORD.toCharArray());
        }
    }

    @SuppressWarnings("unchecked")
    private TableView<AccountRow> table() {
        return lookup("#account-table").queryAs(TableView.class);
    }

    /** Whether the node and every parent are visible. */
    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void select(String displayName) {
        interact(() -> table().getItems().stream().filter(r -> r.user().displayName().equals(displayName))
                .findFirst().ifPresent(r -> table().getSelectionModel().select(r)));
    }

    @Test
    void anAdminCreatesACipAccountSignsOutAndTheNewCipSignsIn() {
        signIn("Alice", TestAccounts.PASSWORD);
        clickOn("#nav-accounts");
        assertThat(table().getItems()).extracting(r -> r.user().login()).containsExactly("alice", "bruno");
        assertThat(lookup("#account-errors").query().isManaged()).as("an empty message takes no room").isFalse();

        fill("#account-name", "Yanis Conseiller");
        fill("#account-login", "yanis");
        interact(() -> lookup("#account-role").<Role>queryComboBox().setValue(Role.CIP));
        fill("#account-password", "abc");
        fill("#account-confirmation", "abc");
        clickOn("#account-create");
        assertThat(text("#account-errors")).contains("Le mot de passe compte au moins 10 caractères");
        assertThat(shown(lookup("#account-errors").query())).as("a refusal is shown").isTrue();

        fill("#account-password", "vert-train-mardi");
        fill("#account-confirmation", "vert-train-mardi");
        clickOn("#account-create");

        assertThat(text("#account-errors")).isEmpty();
        assertThat(text("#account-message")).contains("Yanis Conseiller").contains("«\u00a0yanis\u00a0»");
        assertThat(table().getItems()).filteredOn(r -> r.user().login().equals("yanis")).singleElement()
                .satisfies(r -> {
                    assertThat(r.user().role()).isEqualTo(Role.CIP);
                    assertThat(r.user().worksiteIds()).containsExactly("abej-solidarite");
                    assertThat(r.scope()).isEqualTo("ABEJ Solidarité");
                });

        clickOn("#switch-user-button");
        signIn("Yanis", "vert-train-mardi");

        assertThat(screen.get()).isEqualTo("main");
        assertThat(text("#current-user")).isEqualTo("Yanis Conseiller");
        assertThat(lookup("#nav-accounts").tryQuery()).as("a CIP does not manage accounts").isEmpty();
    }

    @Test
    void aDeactivatedAccountLeavesTheSignInListUntilReactivatedWithANewPassword() {
        signIn("Alice", TestAccounts.PASSWORD);
        clickOn("#nav-accounts");
        select("Bruno Éducateur");
        clickOn("#account-toggle-active");
        assertThat(text("#account-message")).contains("ne peut plus se connecter");

        clickOn("#switch-user-button");
        assertThat(lookup(".list-cell").queryAll()).as("Bruno is no longer offered at sign-in")
                .noneMatch(n -> n instanceof ListCell<?> cell && cell.getText() != null
                        && cell.getText().startsWith("Bruno"))
                .anyMatch(n -> n instanceof ListCell<?> cell && cell.getText() != null
                        && cell.getText().startsWith("Alice"));

        signIn("Alice", TestAccounts.PASSWORD);
        clickOn("#nav-accounts");
        select("Bruno Éducateur");
        assertThat(text("#account-toggle-active")).isEqualTo("Réactiver le compte");
        clickOn("#account-toggle-active");
        select("Bruno Éducateur");
        fill("#account-reset-password", "bleu-bateau-jeudi");
        fill("#account-reset-confirmation", "bleu-bateau-jeudi");
        clickOn("#account-reset");
        assertThat(text("#account-message")).contains("l’ancien ne fonctionne plus");

        clickOn("#switch-user-button");
        signIn("Bruno", "bleu-bateau-jeudi");
        assertThat(screen.get()).isEqualTo("main");
        assertThat(text("#current-user")).isEqualTo("Bruno Éducateur");
    }
    @Test
    void anAdminMakesAnEducatorACipAndTheChangeHoldsAtTheirNextSignIn() {
        signIn("Alice", TestAccounts.PASSWORD);
        clickOn("#nav-accounts");
        select("Bruno Éducateur");
        clickOn("#account-edit-access");
        assertThat(text("#account-form-title")).isEqualTo("Rôle et chantiers de Bruno Éducateur");
        assertThat(shown(lookup("#account-password").query())).as("a role change asks for no password").isFalse();
        assertThat(lookup("#account-role").<Role>queryComboBox().getValue()).isEqualTo(Role.ESP);

        interact(() -> lookup("#account-role").<Role>queryComboBox().setValue(Role.CIP));
        clickOn("#account-save-access");

        assertThat(text("#account-errors")).isEmpty();
        assertThat(text("#account-message")).contains("Bruno Éducateur");
        assertThat(text("#account-form-title")).as("back to the new account form").isEqualTo("Nouveau compte");
        assertThat(table().getItems()).filteredOn(r -> r.user().login().equals("bruno")).singleElement()
                .satisfies(r -> assertThat(r.user().role()).isEqualTo(Role.CIP));

        clickOn("#switch-user-button");
        signIn("Bruno", TestAccounts.PASSWORD);
        assertThat(screen.get()).isEqualTo("main");
        assertThat(text("#status-user")).contains(Role.CIP.label()).doesNotContain(Role.ESP.label());
    }
}
