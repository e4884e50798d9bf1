package fr.convergence.terrain.app.session;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Styles;
import fr.convergence.terrain.core.domain.User;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The sign-in (and unlock) screen: pick your name, type your password. */
public final class SignInView {

    private final StackPane root = new StackPane();
    private final PasswordField password = new PasswordField();

    /**
     * @param subtitle     worksite (and demo notice) shown under the title
     * @param demoHint     the demo accounts hint, or null outside the demo
     * @param leaveDemo    shown as a link in the demo ("install this workstation"), or null
     */
    public SignInView(SignInViewModel viewModel, String subtitle, String demoHint, Runnable leaveDemo) {
        Label title = new Label();
        title.textProperty().bind(viewModel.titleProperty());
        title.getStyleClass().add(Styles.PAGE_TITLE);
        title.setId("signin-title");
        Label sub = new Label(subtitle);
        sub.setWrapText(true);

        Label who = new Label(I18n.t("signin.who"));
        ListView<User> users = new ListView<>(viewModel.users());
        users.setId("signin-users");
        users.setPrefHeight(190);
        users.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(User user, boolean empty) {
                super.updateItem(user, empty);
                setText(empty || user == null ? null : user.displayName() + " — " + user.role().label());
            }
        });
        viewModel.selectedProperty().addListener((obs, was, user) -> {
            if (user != null && users.getSelectionModel().getSelectedItem() != user) {
                users.getSelectionModel().select(user);
            }
        });
        users.getSelectionModel().selectedItemProperty().addListener((obs, was, user) -> {
            if (user != null) {
                viewModel.selectedProperty().set(user);
                Platform.runLater(password::requestFocus);
            }
        });
        users.setOnMouseClicked(e -> password.requestFocus());

        Label passwordLabel = new Label(I18n.t("signin.password"));
        passwordLabel.setLabelFor(password);
        password.setId("signin-password");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        password.setOnAction(e -> viewModel.signIn());
        Button signIn = new Button(I18n.t("signin.button"));
        signIn.setId("signin-button");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add(Styles.ACCENT);
        signIn.disableProperty().bind(viewModel.busyProperty());
        signIn.setOnAction(e -> viewModel.signIn());
        signIn.setMaxWidth(Double.MAX_VALUE);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(viewModel.busyProperty());
        Label error = new Label();
        error.setId("signin-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.ERROR);
        error.textProperty().bind(viewModel.errorProperty());

        VBox card = new VBox(10, title, sub, who, users, passwordLabel, password, signIn, progress, error);
        if (demoHint != null) {
            Label hint = new Label(demoHint);
            hint.setWrapText(true);
            hint.getStyleClass().add(Styles.HINT);
            card.getChildren().add(hint);
        }
        if (leaveDemo != null) {
            Hyperlink install = new Hyperlink(I18n.t("demo.install"));
            install.setId("leave-demo");
            install.setOnAction(e -> leaveDemo.run());
            card.getChildren().add(install);
        }
        card.setMaxWidth(460);
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        card.setPadding(new Insets(24));
        card.getStyleClass().add(Styles.CARD);
        root.getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
        root.getStyleClass().add("backdrop");
        viewModel.loadUsers();
        Platform.runLater(() -> (viewModel.selectedProperty().get() == null ? users : password).requestFocus());
    }

    public Parent root() {
        return root;
    }
}
