package fr.convergence.terrain.app.welcome;

import fr.convergence.terrain.app.account.RecoveryKeyDialog;
import fr.convergence.terrain.app.common.Controls;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Styles;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.Territory;
import fr.convergence.terrain.core.domain.Worksite;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The form that installs this workstation: worksite, then the first account. */
public final class SetupView {

    private final StackPane root = new StackPane();

    public SetupView(SetupViewModel viewModel, Runnable back) {
        // Shown once (ADR 0005): the coordinator writes it down or prints it before the main window replaces this page.
        viewModel.setRecoveryKeyDisplay(shown -> RecoveryKeyDialog.show(
                root.getScene() == null ? null : root.getScene().getWindow(), shown));
        Label title = new Label(I18n.t("setup.title"));
        title.getStyleClass().add(Styles.PAGE_TITLE);
        Label intro = new Label(I18n.t("setup.intro"));
        intro.setWrapText(true);

        ComboBox<Territory> territory = new ComboBox<>(viewModel.territories());
        territory.setId("setup-territory");
        territory.setConverter(Controls.labels(t -> t.name()));
        territory.valueProperty().bindBidirectional(viewModel.territoryProperty());
        ComboBox<Worksite> worksite = new ComboBox<>(viewModel.worksites());
        worksite.setId("setup-worksite");
        worksite.setConverter(Controls.labels(w -> w.name() + " (" + w.city() + ")"));
        worksite.valueProperty().bindBidirectional(viewModel.worksiteProperty());
        // The first account manages the laptop's other accounts: coordination or administration only.
        ComboBox<Role> role = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(Role.COORDINATOR,
                Role.ADMIN));
        role.setId("setup-role");
        role.setConverter(Controls.labels(I18n::label));
        role.valueProperty().bindBidirectional(viewModel.roleProperty());
        TextField displayName = new TextField();
        displayName.setId("setup-name");
        displayName.textProperty().bindBidirectional(viewModel.displayNameProperty());
        TextField login = new TextField();
        login.setId("setup-login");
        login.setPromptText(I18n.t("setup.login.prompt"));
        login.textProperty().bindBidirectional(viewModel.loginProperty());
        PasswordField password = new PasswordField();
        password.setId("setup-password");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        PasswordField confirmation = new PasswordField();
        confirmation.setId("setup-confirmation");
        confirmation.textProperty().bindBidirectional(viewModel.confirmationProperty());
        for (ComboBox<?> box : java.util.List.of(territory, worksite, role)) {
            box.setMaxWidth(Double.MAX_VALUE);
        }

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        int row = 0;
        form.addRow(row++, Controls.formLabel(I18n.t("setup.territory"), territory), territory);
        form.addRow(row++, Controls.formLabel(I18n.t("setup.worksite"), worksite), worksite);
        form.addRow(row++, Controls.formLabel(I18n.t("setup.displayName"), displayName), displayName);
        form.addRow(row++, Controls.formLabel(I18n.t("setup.login"), login), login);
        form.addRow(row++, Controls.formLabel(I18n.t("setup.role"), role), role);
        form.addRow(row++, Controls.formLabel(I18n.t("setup.password"), password), password);
        form.addRow(row, Controls.formLabel(I18n.t("setup.confirmation"), confirmation), confirmation);
        form.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(170),
                new javafx.scene.layout.ColumnConstraints(360));

        Label errors = new Label();
        errors.setId("setup-errors");
        errors.setWrapText(true);
        errors.getStyleClass().add(Styles.ERROR);
        errors.textProperty().bind(viewModel.errorsProperty());
        Button install = new Button(I18n.t("setup.install"));
        install.setId("setup-install");
        install.setDefaultButton(true);
        install.getStyleClass().add(Styles.ACCENT);
        install.disableProperty().bind(viewModel.busyProperty());
        install.setOnAction(e -> viewModel.install());
        Button cancel = new Button(I18n.t("common.back"));
        cancel.setOnAction(e -> back.run());
        HBox buttons = new HBox(10, install, cancel);

        VBox card = new VBox(14, title, intro, form, errors, buttons);
        card.setPadding(new Insets(24));
        card.setMaxWidth(620);
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        card.getStyleClass().add(Styles.CARD);
        root.getChildren().add(card);
        root.getStyleClass().add("backdrop");
    }

    public Parent root() {
        return root;
    }
}
