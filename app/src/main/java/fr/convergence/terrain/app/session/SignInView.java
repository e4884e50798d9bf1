package fr.convergence.terrain.app.session;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Styles;
import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.domain.User;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The sign-in (and unlock) screen: pick your name, type your password. */
public final class SignInView {

    private final StackPane root = new StackPane();
    private final PasswordField password = new PasswordField();
    private final TextField recoveryKey = new TextField();

    /**
     * @param subtitle        worksite (and demo notice) shown under the title
     * @param demoHint        the demo accounts hint, or null outside the demo
     * @param leaveDemo       shown as a link in the demo ("install this workstation"), or null
     * @param recoveryOffered whether « Mot de passe oublié ? (clé de secours) » is offered (not for the demo store,
     *                        whose password is public and which has no recovery key to hand out)
     */
    public SignInView(SignInViewModel viewModel, String subtitle, String demoHint, Runnable leaveDemo,
                      boolean recoveryOffered) {
        Label title = new Label();
        title.textProperty().bind(viewModel.titleProperty());
        title.getStyleClass().add(Styles.PAGE_TITLE);
        title.setId("signin-title");
        // "Session verrouillée — " and a long name: on two lines rather than cut.
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label sub = new Label(subtitle);
        sub.setId("signin-subtitle");
        sub.setWrapText(true);

        Label who = new Label(I18n.t("signin.who"));
        ListView<User> users = new ListView<>(viewModel.users());
        users.setId("signin-users");
        // Smaller while the recovery form is open, so that the card still fits a 1366×768 screen.
        users.prefHeightProperty().bind(javafx.beans.binding.Bindings.when(viewModel.recoveringProperty())
                .then(110).otherwise(190));
        users.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(User user, boolean empty) {
                super.updateItem(user, empty);
                setText(empty || user == null ? null : user.displayName() + " — " + I18n.label(user.role()));
            }
        });
        // The chosen account shows chosen in the list, also when the list arrives after it (the lock screen's
        // person is chosen before the accounts are read, and an equal account read again fires no change).
        Runnable showChosen = () -> {
            User user = viewModel.selectedProperty().get();
            if (user != null && users.getSelectionModel().getSelectedItem() != user) {
                users.getItems().stream().filter(u -> u.id().equals(user.id())).findFirst()
                        .ifPresent(u -> users.getSelectionModel().select(u));
            }
        };
        viewModel.selectedProperty().addListener((obs, was, user) -> showChosen.run());
        viewModel.users().addListener((javafx.collections.ListChangeListener<User>) change -> showChosen.run());
        users.getSelectionModel().selectedItemProperty().addListener((obs, was, user) -> {
            if (user != null) {
                viewModel.selectedProperty().set(user);
                Platform.runLater(() -> focusInput(viewModel));
            }
        });
        users.setOnMouseClicked(e -> focusInput(viewModel));

        Label passwordLabel = new Label(I18n.t("signin.password"));
        passwordLabel.setLabelFor(password);
        password.setId("signin-password");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        password.setOnAction(e -> viewModel.signIn());
        Button signIn = new Button(I18n.t("signin.button"));
        signIn.setId("signin-button");
        signIn.defaultButtonProperty().bind(viewModel.recoveringProperty().not());
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

        VBox passwordBox = new VBox(10, passwordLabel, password, signIn);
        showOnlyWhen(passwordBox, viewModel.recoveringProperty().not());
        VBox card = new VBox(10, title, sub, who, users, passwordBox);
        if (recoveryOffered) {
            Hyperlink forgotten = new Hyperlink(I18n.t("signin.recover.link"));
            forgotten.setId("signin-recover");
            forgotten.setOnAction(e -> {
                viewModel.startRecovery();
                Platform.runLater(recoveryKey::requestFocus);
            });
            showOnlyWhen(forgotten, viewModel.recoveringProperty().not());
            Node form = recoveryForm(viewModel, () -> Platform.runLater(password::requestFocus));
            showOnlyWhen(form, viewModel.recoveringProperty());
            card.getChildren().addAll(forgotten, form);
        }
        card.getChildren().addAll(progress, error);
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

    /**
     * The forgotten-password form, in place of the password: login (the chosen account's), recovery key, new password
     * twice. Enter submits (default button), Échap cancels (cancel button).
     */
    private Node recoveryForm(SignInViewModel viewModel, Runnable afterCancel) {
        Label heading = new Label(I18n.t("signin.recover.title"));
        heading.getStyleClass().add(Styles.SECTION_TITLE);
        heading.setWrapText(true);
        Label intro = new Label(I18n.t("signin.recover.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.HINT);
        TextField login = new TextField();
        login.setId("recover-login");
        login.textProperty().bindBidirectional(viewModel.recoveryLoginProperty());
        recoveryKey.setId("recover-key");
        recoveryKey.setPromptText(I18n.t("signin.recover.key.prompt"));
        recoveryKey.setStyle("-fx-font-family: monospace;");
        recoveryKey.textProperty().bindBidirectional(viewModel.recoveryKeyProperty());
        PasswordField newPassword = new PasswordField();
        newPassword.setId("recover-password");
        newPassword.textProperty().bindBidirectional(viewModel.recoveryPasswordProperty());
        PasswordField confirmation = new PasswordField();
        confirmation.setId("recover-confirmation");
        confirmation.textProperty().bindBidirectional(viewModel.recoveryConfirmationProperty());
        Button submit = new Button(I18n.t("signin.recover.button"));
        submit.setId("recover-button");
        submit.getStyleClass().add(Styles.ACCENT);
        submit.defaultButtonProperty().bind(viewModel.recoveringProperty());
        submit.disableProperty().bind(viewModel.busyProperty());
        submit.setOnAction(e -> viewModel.recover());
        Button cancel = new Button(I18n.t("common.cancel"));
        cancel.setId("recover-cancel");
        cancel.cancelButtonProperty().bind(viewModel.recoveringProperty());
        cancel.setOnAction(e -> {
            viewModel.cancelRecovery();
            afterCancel.run();
        });
        Label refusal = new Label();
        refusal.setId("recover-error");
        refusal.setWrapText(true);
        refusal.getStyleClass().add(Styles.ERROR);
        refusal.textProperty().bind(viewModel.recoveryErrorProperty());

        newPassword.setPromptText(I18n.t("signin.recover.password.prompt", AuthService.MIN_PASSWORD_LENGTH));
        GridPane fields = new GridPane();
        fields.setHgap(10);
        fields.setVgap(6);
        fields.addRow(0, labelFor(I18n.t("signin.recover.login"), login), login);
        // The key on its own full-width line, so that its 8 groups are seen whole while being checked.
        fields.add(labelFor(I18n.t("signin.recover.key"), recoveryKey), 0, 1, 2, 1);
        fields.add(recoveryKey, 0, 2, 2, 1);
        fields.addRow(3, labelFor(I18n.t("signin.recover.password"), newPassword), newPassword);
        fields.addRow(4, labelFor(I18n.t("signin.recover.confirmation"), confirmation), confirmation);
        ColumnConstraints labels = new ColumnConstraints(150);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        fields.getColumnConstraints().addAll(labels, inputs);
        HBox buttons = new HBox(10, submit, cancel);
        return new VBox(8, heading, intro, fields, buttons, refusal);
    }

    /** The field to type in next: the password, or the recovery key while that form is open. */
    private void focusInput(SignInViewModel viewModel) {
        (viewModel.recoveringProperty().get() ? recoveryKey : password).requestFocus();
    }

    private static Label labelFor(String text, Node field) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setLabelFor(field);
        return label;
    }

    private static void showOnlyWhen(Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    public Parent root() {
        return root;
    }
}
