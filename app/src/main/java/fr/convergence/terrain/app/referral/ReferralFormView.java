package fr.convergence.terrain.app.referral;

import fr.convergence.terrain.app.common.Controls;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Styles;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Partner;
import fr.convergence.terrain.core.domain.Referral;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Preparing a referral, in place of the list: whom, which partner, why, documents, and what will be shared. */
final class ReferralFormView {

    private final ScrollPane root;

    ReferralFormView(ReferralFormViewModel viewModel, Consumer<Referral> onSaved, Runnable onCancel) {
        Label title = new Label(I18n.t("orientation.form.title"));
        title.getStyleClass().add(Styles.PAGE_TITLE);
        ComboBox<Participant> participant = Controls.personPicker(viewModel.participants(),
                p -> p.lastName() + " " + p.firstName(), null);
        participant.setId("referral-participant");
        participant.setPromptText(I18n.t("orientation.form.participant.prompt"));
        participant.valueProperty().bindBidirectional(viewModel.participantProperty());
        participant.setMaxWidth(Double.MAX_VALUE);
        ComboBox<Partner> partner = new ComboBox<>(FXCollections.observableArrayList(Partner.values()));
        partner.setId("referral-partner");
        partner.setPromptText(I18n.t("orientation.form.partner.prompt"));
        partner.setConverter(Controls.labels(p -> I18n.label(p)));
        partner.valueProperty().bindBidirectional(viewModel.partnerProperty());
        partner.setMaxWidth(Double.MAX_VALUE);
        TextField partnerName = new TextField();
        partnerName.setId("referral-partner-name");
        partnerName.textProperty().bindBidirectional(viewModel.partnerNameProperty());
        Label partnerNameLabel = new Label(I18n.t("orientation.form.partnerName") + " *");
        partnerName.visibleProperty().bind(viewModel.otherPartnerProperty());
        partnerNameLabel.visibleProperty().bind(viewModel.otherPartnerProperty());
        TextArea purpose = new TextArea();
        purpose.setId("referral-purpose");
        purpose.setPrefRowCount(3);
        purpose.setWrapText(true);
        purpose.setPromptText(I18n.t("orientation.form.purpose.prompt"));
        purpose.textProperty().bindBidirectional(viewModel.purposeProperty());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.getColumnConstraints().addAll(new ColumnConstraints(170), new ColumnConstraints(380));
        grid.addRow(0, new Label(I18n.t("orientation.form.participant") + " *"), participant);
        grid.addRow(1, new Label(I18n.t("orientation.form.partner") + " *"), partner);
        grid.addRow(2, partnerNameLabel, partnerName);
        grid.addRow(3, new Label(I18n.t("orientation.form.purpose") + " *"), purpose);

        VBox documents = new VBox(4);
        documents.setId("referral-documents");
        Runnable fillDocuments = () -> {
            documents.getChildren().clear();
            for (DocumentItem item : viewModel.documents()) {
                CheckBox box = new CheckBox(item.name());
                box.selectedProperty().bindBidirectional(item.providedProperty());
                documents.getChildren().add(box);
            }
        };
        viewModel.documents().addListener((ListChangeListener<DocumentItem>) c -> fillDocuments.run());
        TextField extra = new TextField();
        extra.setId("referral-extra-document");
        extra.setPromptText(I18n.t("orientation.form.extraDocument"));
        Button add = new Button(I18n.t("orientation.form.addDocument"));
        add.setOnAction(e -> {
            viewModel.addDocument(extra.getText());
            extra.clear();
        });
        add.disableProperty().bind(viewModel.partnerProperty().isNull());
        VBox documentsBox = new VBox(6, section(I18n.t("orientation.form.documents")), documents, new HBox(8, extra, add));

        VBox shared = new VBox(3);
        shared.setId("referral-shared");
        shared.getStyleClass().add("referral-shared");
        Runnable fillShared = () -> {
            shared.getChildren().clear();
            if (viewModel.shared().isEmpty()) {
                Label none = new Label(I18n.t("orientation.shared.choose"));
                none.getStyleClass().add(Styles.HINT);
                shared.getChildren().add(none);
            }
            viewModel.shared().forEach(line -> shared.getChildren().add(new Label(line)));
        };
        viewModel.shared().addListener((ListChangeListener<String>) c -> fillShared.run());
        fillShared.run();
        Label sharedHint = new Label(I18n.t("orientation.shared.hint"));
        sharedHint.setWrapText(true);
        sharedHint.getStyleClass().add(Styles.HINT);
        VBox sharedBox = new VBox(6, section(I18n.t("orientation.shared.title")), sharedHint, shared);

        Label errors = new Label();
        errors.setId("referral-errors");
        errors.setWrapText(true);
        errors.getStyleClass().add(Styles.ERROR);
        errors.textProperty().bind(viewModel.errorsProperty());
        Button save = new Button(I18n.t("orientation.form.save"));
        save.setId("referral-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(viewModel.busyProperty());
        save.setOnAction(e -> viewModel.save(onSaved));
        Button cancel = new Button(I18n.t("common.cancel"));
        cancel.setId("referral-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onCancel.run());
        VBox card = new VBox(12, title, grid, documentsBox, sharedBox, errors, new HBox(10, save, cancel));
        card.getStyleClass().add(Styles.CARD);
        card.setPadding(new Insets(16));
        card.setMaxWidth(680);
        VBox content = new VBox(card);
        content.setPadding(new Insets(12));
        root = new ScrollPane(content);
        root.setFitToWidth(true);
    }

    static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.SECTION_TITLE);
        return label;
    }

    Parent root() {
        return root;
    }
}
