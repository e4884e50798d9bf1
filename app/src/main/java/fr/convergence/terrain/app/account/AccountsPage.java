package fr.convergence.terrain.app.account;

import fr.convergence.terrain.app.account.AccountsViewModel.AccountRow;
import fr.convergence.terrain.app.common.Controls;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Styles;
import fr.convergence.terrain.app.shell.Page;
import fr.convergence.terrain.app.shell.PageContext;
import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.Territory;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckListView;

/**
 * Comptes: the laptop's accounts for an administrator or a coordinator. The list with its actions (new password,
 * deactivate / reactivate) on the left, the new account form on the right, in place (no pop-up windows).
 */
public final class AccountsPage implements Page {

    private final AccountsViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final TableView<AccountRow> table = new TableView<>();
    private final CheckListView<Worksite> worksites = new CheckListView<>();
    private final TextField name = new TextField();
    private boolean syncing;
    private boolean syncingChecks;

    public AccountsPage(PageContext context) {
        this(new AccountsViewModel(context.services().auth(), context.services().workstation(), context.session(),
                context.executor(), context.clock()));
    }

    public AccountsPage(AccountsViewModel viewModel) {
        this.viewModel = viewModel;
        root.getStyleClass().add(Styles.PAGE);
        root.setPadding(new Insets(12));
        Label title = new Label(I18n.t("account.title"));
        title.getStyleClass().add(Styles.PAGE_TITLE);
        Label intro = new Label(I18n.t("account.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.HINT);
        Label message = new Label();
        message.setId("account-message");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.SUCCESS);
        message.textProperty().bind(viewModel.messageProperty());
        Label errors = new Label();
        errors.setId("account-errors");
        errors.setWrapText(true);
        errors.getStyleClass().add(Styles.ERROR);
        errors.textProperty().bind(viewModel.errorsProperty());
        Controls.collapseWhenEmpty(message, errors);
        VBox top = new VBox(6, title, intro, message, errors);
        top.setPadding(new Insets(0, 0, 8, 0));
        root.setTop(top);
        Node list = list();
        Node form = form();
        HBox.setHgrow(list, Priority.ALWAYS);
        HBox body = new HBox(16, list, form);
        root.setCenter(body);
    }

    /** Shown in the navigation to administrators and coordinators only. */
    public static boolean visibleTo(User user) {
        return AccountsViewModel.visibleTo(user);
    }

    private Node list() {
        table.setId("account-table");
        table.setItems(viewModel.accounts());
        table.setPlaceholder(Controls.placeholder(viewModel.loadingProperty(), I18n.t("account.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Controls.textColumn(I18n.t("account.column.name"), r -> r.user().displayName(), 180));
        table.getColumns().add(Controls.textColumn(I18n.t("account.column.login"), r -> r.user().login(), 110));
        table.getColumns().add(Controls.textColumn(I18n.t("account.column.role"), AccountRow::roleText, 240));
        table.getColumns().add(Controls.textColumn(I18n.t("account.column.scope"), AccountRow::scope, 170));
        table.getColumns().add(Controls.textColumn(I18n.t("account.column.status"), AccountRow::statusText, 90));
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (!syncing) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, was, now) -> {
            syncing = true;
            table.getSelectionModel().select(now);
            syncing = false;
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        Label listError = new Label();
        listError.getStyleClass().add(Styles.ERROR);
        listError.textProperty().bind(viewModel.listErrorProperty());

        Button toggle = new Button();
        toggle.setId("account-toggle-active");
        toggle.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.selectedActiveProperty())
                .then(I18n.t("account.deactivate")).otherwise(I18n.t("account.reactivate")));
        toggle.disableProperty().bind(viewModel.selectedProperty().isNull().or(viewModel.busyProperty()));
        toggle.setOnAction(e -> viewModel.toggleActive());

        Label resetTitle = new Label(I18n.t("account.reset.title"));
        resetTitle.getStyleClass().add(Styles.SECTION_TITLE);
        PasswordField resetPassword = new PasswordField();
        resetPassword.setId("account-reset-password");
        resetPassword.setPromptText(I18n.t("account.reset.password"));
        resetPassword.textProperty().bindBidirectional(viewModel.resetPasswordProperty());
        PasswordField resetConfirmation = new PasswordField();
        resetConfirmation.setId("account-reset-confirmation");
        resetConfirmation.setPromptText(I18n.t("account.reset.confirmation"));
        resetConfirmation.textProperty().bindBidirectional(viewModel.resetConfirmationProperty());
        Button reset = new Button(I18n.t("account.reset"));
        reset.setId("account-reset");
        reset.disableProperty().bind(viewModel.selectedProperty().isNull().or(viewModel.busyProperty()));
        reset.setOnAction(e -> viewModel.resetPassword());
        resetPassword.setPrefWidth(190);
        resetConfirmation.setPrefWidth(190);
        HBox resetRow = new HBox(8, resetPassword, resetConfirmation, reset);
        resetRow.setAlignment(Pos.CENTER_LEFT);
        Label recoveryTitle = new Label(I18n.t("account.recovery.title"));
        recoveryTitle.getStyleClass().add(Styles.SECTION_TITLE);
        Button renew = new Button(I18n.t("account.recovery.renew"));
        renew.setId("account-renew-recovery");
        renew.disableProperty().bind(viewModel.busyProperty());
        renew.setOnAction(e -> renewRecoveryKey());
        Button editAccess = new Button(I18n.t("account.access.edit"));
        editAccess.setId("account-edit-access");
        editAccess.disableProperty().bind(viewModel.selectedProperty().isNull().or(viewModel.busyProperty()));
        editAccess.setOnAction(e -> {
            viewModel.editAccess();
            // A person using the keyboard goes on where the change is made.
            root.lookupAll("#account-role").forEach(Node::requestFocus);
        });
        editAccess.setVisible(viewModel.changesAccess());
        editAccess.setManaged(viewModel.changesAccess());
        HBox actions = new HBox(8, toggle, editAccess);
        VBox box = new VBox(8, table, listError, actions, resetTitle, resetRow, recoveryTitle, renew);
        box.setMinWidth(420);
        return box;
    }

    private Node form() {
        Label title = new Label();
        title.setId("account-form-title");
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> viewModel.editingProperty()
                .get() == null ? I18n.t("account.new.title")
                : I18n.t("account.access.title", viewModel.editingProperty().get().displayName()),
                viewModel.editingProperty()));
        title.setWrapText(true);
        title.getStyleClass().add(Styles.SECTION_TITLE);
        name.setId("account-name");
        name.textProperty().bindBidirectional(viewModel.displayNameProperty());
        TextField login = new TextField();
        login.setId("account-login");
        login.setPromptText(I18n.t("account.login.prompt"));
        login.textProperty().bindBidirectional(viewModel.loginProperty());
        ComboBox<Role> role = new ComboBox<>(viewModel.roles());
        role.setId("account-role");
        role.setConverter(Controls.labels(r -> I18n.label(r)));
        role.valueProperty().bindBidirectional(viewModel.roleProperty());
        role.setMaxWidth(Double.MAX_VALUE);

        worksites.setId("account-worksites");
        worksites.setItems(viewModel.worksiteChoices());
        StringConverter<Worksite> worksiteName = Controls.labels(w -> w.name());
        worksites.setCellFactory(list -> new CheckBoxListCell<>(worksites::getItemBooleanProperty, worksiteName));
        worksites.setPrefHeight(150);
        viewModel.worksiteChoices().addListener((ListChangeListener<Worksite>) c -> showChosen());
        viewModel.chosenWorksites().addListener((ListChangeListener<Worksite>) c -> showChosen());
        worksites.getCheckModel().getCheckedItems().addListener((ListChangeListener<Worksite>) c -> {
            if (syncingChecks) {
                return;
            }
            syncingChecks = true;
            try {
                viewModel.chosenWorksites().setAll(List.copyOf(worksites.getCheckModel().getCheckedItems()));
            } finally {
                syncingChecks = false;
            }
        });
        Label worksitesLabel = new Label(I18n.t("account.worksites"));
        VBox worksiteBox = new VBox(4, worksitesLabel, worksites);
        worksiteBox.visibleProperty().bind(viewModel.worksitesNeededProperty());
        worksiteBox.managedProperty().bind(worksiteBox.visibleProperty());

        ComboBox<Territory> territory = new ComboBox<>(viewModel.territoryChoices());
        territory.setId("account-territory");
        territory.setConverter(Controls.labels(t -> t.name()));
        territory.valueProperty().bindBidirectional(viewModel.territoryProperty());
        territory.setMaxWidth(Double.MAX_VALUE);
        VBox territoryBox = new VBox(4, new Label(I18n.t("account.territory")), territory);
        territoryBox.visibleProperty().bind(viewModel.territoryNeededProperty());
        territoryBox.managedProperty().bind(territoryBox.visibleProperty());

        PasswordField password = new PasswordField();
        password.setId("account-password");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        PasswordField confirmation = new PasswordField();
        confirmation.setId("account-confirmation");
        confirmation.textProperty().bindBidirectional(viewModel.confirmationProperty());
        Button create = new Button(I18n.t("account.create"));
        create.setId("account-create");
        create.getStyleClass().add(Styles.ACCENT);
        create.disableProperty().bind(viewModel.busyProperty());
        create.setOnAction(e -> viewModel.create());

        Button saveAccess = new Button(I18n.t("account.access.save"));
        saveAccess.setId("account-save-access");
        saveAccess.getStyleClass().add(Styles.ACCENT);
        saveAccess.disableProperty().bind(viewModel.busyProperty());
        saveAccess.setOnAction(e -> viewModel.saveAccess());
        Button cancelAccess = new Button(I18n.t("account.access.cancel"));
        cancelAccess.setId("account-cancel-access");
        cancelAccess.setCancelButton(false);
        cancelAccess.setOnAction(e -> viewModel.cancelEditing());
        HBox accessButtons = new HBox(8, saveAccess, cancelAccess);

        // Creating asks for a name, a login and a password; changing an account's reach only for its role and
        // worksites: the same form, with what does not apply hidden.
        VBox identity = new VBox(6, new Label(I18n.t("account.name")), name,
                new Label(I18n.t("account.login")), login);
        VBox secret = new VBox(6, new Label(I18n.t("account.password", AuthService.MIN_PASSWORD_LENGTH)), password,
                new Label(I18n.t("account.confirmation")), confirmation, create);
        javafx.beans.binding.BooleanBinding creating = viewModel.editingProperty().isNull();
        for (Node creationOnly : List.of(identity, secret)) {
            creationOnly.visibleProperty().bind(creating);
            creationOnly.managedProperty().bind(creating);
        }
        accessButtons.visibleProperty().bind(creating.not());
        accessButtons.managedProperty().bind(creating.not());
        VBox form = new VBox(6, title, identity,
                new Label(I18n.t("account.role")), role,
                worksiteBox, territoryBox,
                secret, accessButtons);
        form.getStyleClass().add(Styles.CARD);
        form.setPadding(new Insets(10));
        form.setPrefWidth(360);
        form.setMinWidth(330);
        return form;
    }

    /** Asks first (the old key stops working), then shows the new key once, with its print button. */
    private void renewRecoveryKey() {
        Window window = root.getScene() == null ? null : root.getScene().getWindow();
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, I18n.t("account.recovery.confirm"),
                ButtonType.OK, ButtonType.CANCEL);
        if (window != null) {
            confirm.initOwner(window);
        }
        confirm.setTitle(I18n.t("account.recovery.title"));
        confirm.setHeaderText(I18n.t("account.recovery.confirm.header"));
        // A key replaced by a stray Enter would leave a printed sheet that no longer works: Annuler by default.
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setDefaultButton(false);
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        if (confirm.showAndWait().filter(ButtonType.OK::equals).isPresent()) {
            viewModel.renewRecoveryKey(shown -> RecoveryKeyDialog.show(window, shown));
        }
    }

    /** Ticks the worksites the view model has chosen (after a load or a cleared form). */
    private void showChosen() {
        if (syncingChecks) {
            return;
        }
        syncingChecks = true;
        try {
            worksites.getCheckModel().clearChecks();
            viewModel.chosenWorksites().forEach(w -> worksites.getCheckModel().check(w));
        } finally {
            syncingChecks = false;
        }
    }

    public AccountsViewModel viewModel() {
        return viewModel;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        viewModel.load();
    }

    @Override
    public Node focusTarget() {
        return name;
    }
}
