package fr.convergence.terrain.app.referral;

import fr.convergence.terrain.app.common.Controls;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Styles;
import fr.convergence.terrain.core.domain.ReferralStatus;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** One referral in place of the list: shared fields, documents, status history, and the next move. */
final class ReferralDetailView {

    private final ScrollPane root;

    ReferralDetailView(ReferralDetailViewModel viewModel, Runnable back) {
        Button backButton = new Button(I18n.t("orientation.back"));
        backButton.setId("referral-back");
        backButton.setOnAction(e -> back.run());
        Label title = new Label();
        title.setId("referral-title");
        title.getStyleClass().add(Styles.PAGE_TITLE);
        title.textProperty().bind(viewModel.titleProperty());
        Label status = new Label();
        status.setId("referral-status");
        status.getStyleClass().add(Styles.SECTION_TITLE);
        status.textProperty().bind(viewModel.statusProperty());
        HBox header = new HBox(12, backButton, title, status);
        header.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("referral-message");
        message.getStyleClass().add(Styles.SUCCESS);
        message.textProperty().bind(viewModel.messageProperty());
        Label errors = new Label();
        errors.setId("referral-errors");
        errors.setWrapText(true);
        errors.getStyleClass().add(Styles.ERROR);
        errors.textProperty().bind(viewModel.errorsProperty());

        VBox facts = Controls.lineList(viewModel.facts(), null);
        VBox shared = Controls.lineList(viewModel.shared(), null);
        shared.setId("referral-shared");
        shared.getStyleClass().add("referral-shared");

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
        Button saveDocuments = new Button(I18n.t("orientation.documents.save"));
        saveDocuments.setId("referral-save-documents");
        saveDocuments.disableProperty().bind(viewModel.busyProperty());
        saveDocuments.setOnAction(e -> viewModel.saveDocuments());

        VBox history = Controls.lineList(viewModel.history(), null);
        history.setId("referral-history");

        ComboBox<ReferralStatus> next = new ComboBox<>(viewModel.nextStatuses());
        next.setId("referral-next");
        next.setConverter(Controls.labels(s -> I18n.label(s)));
        next.valueProperty().bindBidirectional(viewModel.nextStatusProperty());
        TextField date = new TextField();
        date.setId("referral-move-date");
        date.setPrefColumnCount(9);
        date.setPromptText(I18n.t("form.datePrompt"));
        date.textProperty().bindBidirectional(viewModel.moveDateProperty());
        TextField comment = new TextField();
        comment.setId("referral-comment");
        comment.setPromptText(I18n.t("orientation.move.comment"));
        comment.setPrefColumnCount(24);
        comment.textProperty().bindBidirectional(viewModel.commentProperty());
        Button move = new Button(I18n.t("orientation.move"));
        move.setId("referral-move");
        move.getStyleClass().add(Styles.ACCENT);
        move.disableProperty().bind(viewModel.busyProperty().or(viewModel.closedProperty()));
        move.setOnAction(e -> viewModel.move());
        HBox moveRow = new HBox(8, new Label(I18n.t("orientation.move.to")), next, new Label(I18n.t("orientation.move.on")),
                date, comment, move);
        moveRow.setAlignment(Pos.CENTER_LEFT);
        moveRow.visibleProperty().bind(viewModel.closedProperty().not());
        moveRow.managedProperty().bind(moveRow.visibleProperty());
        Label closed = new Label(I18n.t("orientation.closed"));
        closed.setId("referral-closed");
        closed.getStyleClass().add(Styles.HINT);
        closed.visibleProperty().bind(viewModel.closedProperty());
        closed.managedProperty().bind(closed.visibleProperty());

        VBox content = new VBox(14, header, message, errors,
                card(I18n.t("orientation.detail.section"), facts),
                card(I18n.t("orientation.shared.sent"), shared),
                card(I18n.t("orientation.form.documents"), documents, saveDocuments),
                card(I18n.t("orientation.history.title"), history, moveRow, closed));
        content.setPadding(new Insets(12));
        root = new ScrollPane(content);
        root.setFitToWidth(true);
    }

    private static VBox card(String title, Node... content) {
        VBox box = new VBox(6, ReferralFormView.section(title));
        box.getChildren().addAll(content);
        box.getStyleClass().add(Styles.CARD);
        box.setPadding(new Insets(10));
        return box;
    }

    Parent root() {
        return root;
    }
}
