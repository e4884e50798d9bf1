package fr.convergence.terrain.app.participant;

import fr.convergence.terrain.app.common.Controls;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Styles;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.ExitReason;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The exit form: date, exit category (required), reason of that category. */
final class ExitView {

    private final VBox root = new VBox(12);

    ExitView(ExitViewModel viewModel, Consumer<String> onDone, Runnable onCancel) {
        Label title = new Label(I18n.t("exit.title", viewModel.participantName()));
        title.getStyleClass().add(Styles.PAGE_TITLE);
        Label intro = new Label(I18n.t("exit.intro"));
        intro.setWrapText(true);
        TextField date = new TextField();
        date.setId("exit-date");
        date.setPromptText(I18n.t("form.datePrompt"));
        date.textProperty().bindBidirectional(viewModel.dateProperty());
        ComboBox<ExitCategory> category = new ComboBox<>(FXCollections.observableArrayList(ExitCategory.values()));
        category.setId("exit-category");
        category.setPromptText(I18n.t("exit.category.prompt"));
        category.setConverter(Controls.labels(c -> I18n.label(c)));
        category.valueProperty().bindBidirectional(viewModel.categoryProperty());
        ComboBox<ExitReason> reason = new ComboBox<>(viewModel.reasons());
        reason.setId("exit-reason");
        reason.setPromptText(I18n.t("exit.reason.prompt"));
        reason.setConverter(Controls.labels(r -> I18n.label(r)));
        reason.valueProperty().bindBidirectional(viewModel.reasonProperty());
        category.setMaxWidth(Double.MAX_VALUE);
        reason.setMaxWidth(Double.MAX_VALUE);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.getColumnConstraints().addAll(new ColumnConstraints(160), new ColumnConstraints(340));
        grid.addRow(0, new Label(I18n.t("exit.date") + " *"), date);
        grid.addRow(1, new Label(I18n.t("exit.category") + " *"), category);
        grid.addRow(2, new Label(I18n.t("exit.reason") + " *"), reason);
        Label errors = new Label();
        errors.setId("exit-errors");
        errors.setWrapText(true);
        errors.getStyleClass().add(Styles.ERROR);
        errors.textProperty().bind(viewModel.errorsProperty());
        Button save = new Button(I18n.t("exit.save"));
        save.setId("exit-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(viewModel.busyProperty());
        save.setOnAction(e -> viewModel.save(onDone));
        Button cancel = new Button(I18n.t("common.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onCancel.run());
        VBox card = new VBox(12, title, intro, grid, errors, new HBox(10, save, cancel));
        card.getStyleClass().add(Styles.CARD);
        card.setPadding(new Insets(16));
        card.setMaxWidth(620);
        root.getChildren().add(card);
        root.setPadding(new Insets(12));
    }

    Parent root() {
        return root;
    }
}
