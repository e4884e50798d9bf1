package fr.convergence.terrain.app.welcome;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The first-start screen with its two paths. */
public final class WelcomeView {

    private final StackPane root = new StackPane();

    public WelcomeView(WelcomeViewModel viewModel) {
        Label title = new Label(I18n.t("welcome.title"));
        title.getStyleClass().add(Styles.PAGE_TITLE);
        Label intro = new Label(I18n.t("welcome.intro"));
        intro.setWrapText(true);

        Button demo = new Button(I18n.t("welcome.demo"));
        demo.setId("welcome-demo");
        demo.setOnAction(e -> viewModel.startDemo());
        Label demoText = new Label(I18n.t("welcome.demo.text"));
        demoText.setWrapText(true);
        VBox demoBox = choice(demo, demoText);

        Button install = new Button(I18n.t("welcome.install"));
        install.setId("welcome-install");
        install.getStyleClass().add(Styles.ACCENT);
        install.setOnAction(e -> viewModel.install());
        Label installText = new Label(I18n.t("welcome.install.text"));
        installText.setWrapText(true);
        VBox installBox = choice(install, installText);

        demo.disableProperty().bind(viewModel.busyProperty());
        install.disableProperty().bind(viewModel.busyProperty());
        HBox choices = new HBox(20, demoBox, installBox);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(28, 28);
        progress.visibleProperty().bind(viewModel.busyProperty());
        Label message = new Label();
        message.setId("welcome-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        HBox status = new HBox(10, progress, message);
        status.setAlignment(Pos.CENTER_LEFT);

        VBox card = new VBox(18, title, intro, choices, status);
        card.setPadding(new Insets(28));
        card.setMaxWidth(760);
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        card.getStyleClass().add(Styles.CARD);
        root.getChildren().add(card);
        root.getStyleClass().add("backdrop");
    }

    private static VBox choice(Button button, Label text) {
        button.setMaxWidth(Double.MAX_VALUE);
        button.setWrapText(true);
        VBox box = new VBox(10, button, text);
        box.setPrefWidth(340);
        box.getStyleClass().add("choice");
        HBox.setHgrow(box, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    public Parent root() {
        return root;
    }
}
