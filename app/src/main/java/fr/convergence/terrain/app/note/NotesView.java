package fr.convergence.terrain.app.note;

import fr.convergence.terrain.app.common.Controls;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Styles;
import fr.convergence.terrain.core.domain.NoteTheme;
import fr.convergence.terrain.core.domain.NoteVisibility;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The notes section of a participant's file: "new note", the editor in place (no pop-up on small screens), and
 * the timeline, newest first, each note with its edit button and its revision history.
 */
public final class NotesView {

    private final VBox root = new VBox(10);
    private final VBox timeline = new VBox(8);
    private final NotesViewModel viewModel;

    public NotesView(NotesViewModel viewModel) {
        this.viewModel = viewModel;
        Button create = new Button(I18n.t("note.new"));
        create.setId("note-new");
        create.disableProperty().bind(viewModel.editingProperty());
        create.setOnAction(e -> viewModel.startNew());
        Label message = new Label();
        message.setId("note-message");
        message.getStyleClass().add(Styles.SUCCESS);
        message.textProperty().bind(viewModel.messageProperty());
        HBox actions = new HBox(10, create, message);
        actions.setAlignment(Pos.CENTER_LEFT);

        timeline.setId("note-timeline");
        viewModel.notes().addListener((ListChangeListener<NotesViewModel.NoteItem>) c -> fillTimeline());
        fillTimeline();
        root.getChildren().addAll(actions, editor(), timeline);
    }

    private Node editor() {
        Label title = new Label();
        title.getStyleClass().add(Styles.SECTION_TITLE);
        title.textProperty().bind(viewModel.editorTitleProperty());
        TextField date = new TextField();
        date.setId("note-date");
        date.setPromptText(I18n.t("form.datePrompt"));
        date.textProperty().bindBidirectional(viewModel.dateProperty());
        ComboBox<NoteTheme> theme = new ComboBox<>(FXCollections.observableArrayList(NoteTheme.values()));
        theme.setId("note-theme");
        theme.setPromptText(I18n.t("note.theme.prompt"));
        theme.setConverter(Controls.labels(I18n::label));
        theme.valueProperty().bindBidirectional(viewModel.themeProperty());
        ComboBox<NoteVisibility> visibility = new ComboBox<>(
                FXCollections.observableArrayList(NoteVisibility.values()));
        visibility.setId("note-visibility");
        visibility.setConverter(Controls.labels(I18n::label));
        visibility.valueProperty().bindBidirectional(viewModel.visibilityProperty());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.getColumnConstraints().addAll(new ColumnConstraints(130), new ColumnConstraints(300));
        grid.addRow(0, new Label(I18n.t("note.date") + " *"), date);
        grid.addRow(1, new Label(I18n.t("note.theme") + " *"), theme);
        grid.addRow(2, new Label(I18n.t("note.visibility") + " *"), visibility);
        TextArea text = new TextArea();
        text.setId("note-text");
        text.setWrapText(true);
        text.setPrefRowCount(5);
        text.setPromptText(I18n.t("note.text.prompt"));
        text.textProperty().bindBidirectional(viewModel.textProperty());
        Label hint = new Label();
        hint.setId("note-hint");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.WARNING);
        hint.textProperty().bind(viewModel.hintProperty());
        hint.managedProperty().bind(hint.textProperty().isNotEmpty());
        Label errors = new Label();
        errors.setId("note-errors");
        errors.setWrapText(true);
        errors.getStyleClass().add(Styles.ERROR);
        errors.textProperty().bind(viewModel.errorsProperty());
        Button save = new Button(I18n.t("note.save"));
        save.setId("note-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(viewModel.busyProperty());
        save.setOnAction(e -> viewModel.save());
        Button cancel = new Button(I18n.t("common.cancel"));
        cancel.setId("note-cancel");
        cancel.setOnAction(e -> viewModel.cancel());
        Label factual = new Label(I18n.t("note.factual"));
        factual.setWrapText(true);
        factual.getStyleClass().add(Styles.HINT);
        VBox editor = new VBox(8, title, grid, text, factual, hint, errors, new HBox(10, save, cancel));
        editor.setId("note-editor");
        editor.getStyleClass().add(Styles.CARD);
        editor.setPadding(new Insets(12));
        editor.visibleProperty().bind(viewModel.editingProperty());
        editor.managedProperty().bind(editor.visibleProperty());
        return editor;
    }

    private void fillTimeline() {
        timeline.getChildren().clear();
        if (viewModel.notes().isEmpty()) {
            Label none = new Label(I18n.t("note.none"));
            none.getStyleClass().add(Styles.HINT);
            timeline.getChildren().add(none);
            return;
        }
        int index = 0;
        for (NotesViewModel.NoteItem note : viewModel.notes()) {
            timeline.getChildren().add(card(note, index++));
        }
    }

    private Node card(NotesViewModel.NoteItem note, int index) {
        Label header = new Label(note.header());
        header.getStyleClass().add(Styles.SECTION_TITLE);
        Label text = new Label(note.text());
        text.setId("note-text-" + index);
        text.setWrapText(true);
        Label meta = new Label(note.meta());
        meta.getStyleClass().add(Styles.HINT);
        VBox history = new VBox(6);
        history.setId("note-history-list-" + index);
        for (NotesViewModel.RevisionLine line : note.history()) {
            Label lineTitle = new Label(line.title());
            lineTitle.getStyleClass().add(Styles.HINT);
            Label lineText = new Label(line.text());
            lineText.setWrapText(true);
            history.getChildren().add(new VBox(2, lineTitle, lineText));
        }
        history.setPadding(new Insets(4, 0, 0, 16));
        history.setVisible(false);
        history.managedProperty().bind(history.visibleProperty());
        Button edit = new Button(I18n.t("note.edit"));
        edit.setId("note-edit-" + index);
        edit.disableProperty().bind(viewModel.editingProperty());
        edit.setOnAction(e -> viewModel.startEdit(note.id()));
        Button showHistory = new Button(I18n.t("note.history", note.history().size()));
        showHistory.setId("note-history-" + index);
        showHistory.setOnAction(e -> history.setVisible(!history.isVisible()));
        HBox buttons = new HBox(8, edit, showHistory);
        VBox card = new VBox(4, header, text, meta, buttons, history);
        card.setId("note-card-" + index);
        card.getStyleClass().add(Styles.CARD);
        card.setPadding(new Insets(8));
        return card;
    }

    public Node root() {
        return root;
    }
}
