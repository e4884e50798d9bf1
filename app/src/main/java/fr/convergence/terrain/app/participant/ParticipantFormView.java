package fr.convergence.terrain.app.participant;

import fr.convergence.terrain.app.common.Controls;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Styles;
import fr.convergence.terrain.core.domain.DerogationKind;
import fr.convergence.terrain.core.domain.Programme;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The create / edit form of a participant and their enrolment, in the page (no pop-up). */
final class ParticipantFormView {

    private final VBox root = new VBox(12);
    private final TextField firstField;

    ParticipantFormView(ParticipantFormViewModel viewModel, Consumer<String> onSaved, Runnable onCancel) {
        Label title = new Label();
        title.getStyleClass().add(Styles.PAGE_TITLE);
        title.textProperty().bind(viewModel.titleProperty());

        GridPane identity = grid();
        firstField = field(viewModel.firstName, "form-first-name");
        int row = 0;
        identity.addRow(row++, label("form.firstName", true), firstField);
        identity.addRow(row++, label("form.lastName", true), field(viewModel.lastName, "form-last-name"));
        identity.addRow(row++, label("form.birthDate", false), dateField(viewModel.birthDate, "form-birth-date"));
        identity.addRow(row++, label("form.phone", false), field(viewModel.phone, "form-phone"));
        identity.addRow(row++, label("form.email", false), field(viewModel.email, "form-email"));
        identity.addRow(row++, label("form.address", false), field(viewModel.address, "form-address"));
        identity.addRow(row++, label("form.nir", false), field(viewModel.nir, "form-nir"));
        identity.addRow(row, label("form.referent", false), field(viewModel.referent, "form-referent"));

        GridPane enrolment = grid();
        ComboBox<Programme> programme = new ComboBox<>(FXCollections.observableArrayList(Programme.values()));
        programme.setId("form-programme");
        programme.setConverter(Controls.labels(p -> I18n.label(p)));
        programme.valueProperty().bindBidirectional(viewModel.programme);
        ComboBox<DerogationKind> derogation = new ComboBox<>(FXCollections.observableArrayList(null,
                DerogationKind.INDIVIDUELLE, DerogationKind.COLLECTIVE));
        derogation.setConverter(Controls.labels(I18n.t("form.noDerogation"), d -> I18n.label(d)));
        derogation.valueProperty().bindBidirectional(viewModel.derogation);
        row = 0;
        enrolment.addRow(row++, label("form.programme", true), programme);
        enrolment.addRow(row++, label("form.entryDate", true), dateField(viewModel.entryDate, "form-entry-date"));
        Node[][] cddiRows = {
            {label("form.weeklyHours", true), field(viewModel.weeklyHours, "form-weekly-hours")},
            {label("form.contractEnd", true), dateField(viewModel.contractEnd, "form-contract-end")},
            {label("form.derogation", false), derogation},
            {label("form.derogationEnd", false), dateField(viewModel.derogationEnd, "form-derogation-end")},
            {label("form.extensionReason", false), field(viewModel.extensionReason, "form-extension")}};
        for (Node[] cddiRow : cddiRows) {
            enrolment.addRow(row++, cddiRow);
            for (Node node : cddiRow) {
                node.visibleProperty().bind(viewModel.cddiProperty());
                node.managedProperty().bind(viewModel.cddiProperty());
            }
        }
        Label phcHint = new Label(I18n.t("form.phcHint"));
        phcHint.setWrapText(true);
        phcHint.getStyleClass().add(Styles.HINT);
        phcHint.visibleProperty().bind(viewModel.cddiProperty().not());
        phcHint.managedProperty().bind(phcHint.visibleProperty());

        Label errors = new Label();
        errors.setId("form-errors");
        errors.setWrapText(true);
        errors.getStyleClass().add(Styles.ERROR);
        errors.textProperty().bind(viewModel.errorsProperty());
        Button save = new Button(I18n.t("form.save"));
        save.setId("form-save");
        save.setDefaultButton(true);
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(viewModel.busyProperty());
        save.setOnAction(e -> viewModel.save(onSaved));
        Button cancel = new Button(I18n.t("common.cancel"));
        cancel.setId("form-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onCancel.run());
        HBox buttons = new HBox(10, save, cancel);

        Label identityTitle = new Label(I18n.t("form.section.identity"));
        identityTitle.getStyleClass().add(Styles.SECTION_TITLE);
        Label enrolmentTitle = new Label(I18n.t("form.section.enrolment"));
        enrolmentTitle.getStyleClass().add(Styles.SECTION_TITLE);
        VBox left = new VBox(8, identityTitle, identity);
        VBox right = new VBox(8, enrolmentTitle, enrolment, phcHint);
        left.getStyleClass().add(Styles.CARD);
        right.getStyleClass().add(Styles.CARD);
        left.setPadding(new Insets(10));
        right.setPadding(new Insets(10));
        HBox columns = new HBox(16, left, right);
        Label required = new Label(I18n.t("form.required"));
        required.getStyleClass().add(Styles.HINT);
        VBox content = new VBox(12, title, columns, required, errors, buttons);
        content.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        root.getChildren().add(scroll);
        root.getStyleClass().add(Styles.PAGE);
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.getColumnConstraints().addAll(new ColumnConstraints(150), new ColumnConstraints(260));
        return grid;
    }

    /** Wrapped onto a second line rather than cut when it is longer than the labels' column. */
    private static Label label(String key, boolean required) {
        return Controls.formLabel(I18n.t(key) + (required ? " *" : ""), null);
    }

    private static TextField field(StringProperty property, String id) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static TextField dateField(StringProperty property, String id) {
        TextField field = field(property, id);
        field.setPromptText(I18n.t("form.datePrompt"));
        return field;
    }

    void focus() {
        javafx.application.Platform.runLater(firstField::requestFocus);
    }

    Parent root() {
        return root;
    }
}
