package fr.convergence.terrain.app.sync;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Styles;
import fr.convergence.terrain.app.shell.Page;
import fr.convergence.terrain.app.sync.SyncState.Connection;
import fr.convergence.terrain.app.sync.SyncState.MessageKind;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Synchronisation page: hub state, last sync and pending changes, the Synchroniser button with its
 * progress, automatic sync, enrolment with the hub's code, then the conflicts (both values side by side, keep
 * one or type a correction) and the changes the hub refused (retry or drop). Binds to {@link SyncViewModel}.
 */
public final class SyncPage implements Page {

    static final String STYLESHEET = "/fr/convergence/terrain/app/sync/SyncPage.css";
    /** Conflict cards drawn at most; the rest wait until these are settled (the title gives the total). */
    static final int MAX_CARDS = 100;

    private final SyncViewModel model;
    private final ScrollPane view;
    private final Button syncButton = new Button(I18n.t("sync.button"));
    private final VBox conflictList = new VBox(10);
    private final VBox quarantineList = new VBox(10);
    private final Label conflictsTitle = new Label();
    private final Label quarantineTitle = new Label();

    public SyncPage(SyncViewModel model) {
        this.model = model;
        Label title = new Label(I18n.t("nav.sync"));
        title.getStyleClass().add(Styles.PAGE_TITLE);

        VBox content = new VBox(18, title, statusCard(), enrolCard(), demoNote(), conflictsSection(),
                quarantineSection());
        content.setPadding(new Insets(24));
        content.setMaxWidth(1100);
        content.getStyleClass().add(Styles.PAGE);
        view = new ScrollPane(content);
        view.setFitToWidth(true);
        view.getStyleClass().addAll(Styles.PAGE, "sync-page");
        view.setId("sync-page");
        view.getStylesheets().add(SyncPage.class.getResource(STYLESHEET).toExternalForm());

        model.conflicts().addListener((ListChangeListener<ConflictRow>) c -> drawConflicts());
        model.quarantine().addListener((ListChangeListener<QuarantineRow>) c -> drawQuarantine());
        drawConflicts();
        drawQuarantine();
    }

    private Node statusCard() {
        Label dot = new Label("●");
        dot.getStyleClass().add("sync-dot");
        model.connectionProperty().addListener((obs, was, now) -> styleDot(dot, now));
        styleDot(dot, model.connectionProperty().get());
        // The same sentence as the status bar's: one state, said the same way everywhere.
        Label state = new Label();
        state.setId("sync-state");
        state.getStyleClass().add(Styles.SECTION_TITLE);
        state.setWrapText(true);
        state.textProperty().bind(model.summaryProperty());
        HBox stateLine = new HBox(8, dot, state);
        stateLine.setAlignment(Pos.CENTER_LEFT);
        // Whether the hub answers, for an enrolled laptop (the summary already says "non enrôlé", "démonstration").
        Label connection = hint(new Label());
        connection.setId("sync-connection");
        connection.textProperty().bind(model.connectionTextProperty());
        connection.managedProperty().bind(model.enrolledProperty().and(model.demoProperty().not()));
        connection.visibleProperty().bind(connection.managedProperty());

        Label hub = hint(new Label());
        hub.setId("sync-hub");
        hub.textProperty().bind(model.hubTextProperty());
        hub.managedProperty().bind(hub.textProperty().isNotEmpty());
        hub.visibleProperty().bind(hub.managedProperty());
        Label last = new Label();
        last.setId("sync-last");
        last.textProperty().bind(model.lastSyncTextProperty());
        // It may carry a sentence about this laptop's clock: wrapped, not cut, on a worksite laptop's screen.
        last.setWrapText(true);
        // Demo data never sync: "jamais synchronisé" would only repeat the headline.
        last.managedProperty().bind(model.demoProperty().not());
        last.visibleProperty().bind(last.managedProperty());
        Label pending = new Label();
        pending.setId("sync-pending");
        pending.textProperty().bind(model.pendingTextProperty());
        // Demo data are never sent: no count of changes "waiting" for a hub they will never reach.
        pending.managedProperty().bind(model.demoProperty().not());
        pending.visibleProperty().bind(pending.managedProperty());

        syncButton.setId("sync-button");
        syncButton.getStyleClass().add(Styles.ACCENT);
        syncButton.setDefaultButton(false);
        syncButton.disableProperty().bind(model.syncingProperty().or(model.enrolledProperty().not())
                .or(model.demoProperty()));
        syncButton.setOnAction(e -> model.syncNow());
        ProgressBar bar = new ProgressBar();
        bar.setId("sync-progress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.syncingProperty().or(model.progressProperty().isEqualTo(1.0, 0.0001)));
        Label progressText = new Label();
        progressText.setId("sync-progress-text");
        progressText.textProperty().bind(model.progressTextProperty());
        HBox syncLine = new HBox(12, syncButton, bar, progressText);
        syncLine.setAlignment(Pos.CENTER_LEFT);

        CheckBox auto = new CheckBox(I18n.t("sync.auto"));
        auto.setId("sync-auto");
        auto.selectedProperty().bindBidirectional(model.autoSyncProperty());
        auto.disableProperty().bind(model.enrolledProperty().not().or(model.demoProperty()));
        Label autoText = hint(new Label());
        autoText.setId("sync-auto-text");
        autoText.textProperty().bind(model.autoTextProperty());
        HBox autoLine = new HBox(12, auto, autoText);
        autoLine.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("sync-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        model.messageKindProperty().addListener((obs, was, kind) -> styleMessage(message, kind));
        styleMessage(message, model.messageKindProperty().get());

        VBox card = new VBox(8, stateLine, connection, hub, last, pending, syncLine, autoLine, message);
        card.getStyleClass().add(Styles.CARD);
        card.setPadding(new Insets(16));
        card.setId("sync-status-card");
        return card;
    }

    private Node enrolCard() {
        Label heading = new Label(I18n.t("sync.enrol.title"));
        heading.getStyleClass().add(Styles.SECTION_TITLE);
        Label intro = hint(new Label(I18n.t("sync.enrol.intro")));
        intro.setWrapText(true);
        TextField url = new TextField();
        url.setId("enrol-url");
        url.setPromptText(I18n.t("sync.enrol.url.prompt"));
        TextField code = new TextField();
        code.setId("enrol-code");
        code.setPromptText(I18n.t("sync.enrol.code.prompt"));
        TextField label = new TextField();
        label.setId("enrol-label");
        label.setPromptText(I18n.t("sync.enrol.label.prompt"));
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label(I18n.t("sync.enrol.url")), url);
        form.addRow(1, new Label(I18n.t("sync.enrol.code")), code);
        form.addRow(2, new Label(I18n.t("sync.enrol.label")), label);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints(200, 420, 520);
        form.getColumnConstraints().addAll(labels, fields);
        Button enrol = new Button(I18n.t("sync.enrol.button"));
        enrol.setId("enrol-button");
        enrol.getStyleClass().add(Styles.ACCENT);
        enrol.disableProperty().bind(model.enrollingProperty());
        enrol.setOnAction(e -> model.enrol(url.getText(), code.getText(), label.getText()));
        code.setOnAction(e -> enrol.fire());
        VBox card = new VBox(10, heading, intro, form, enrol);
        card.getStyleClass().add(Styles.CARD);
        card.setPadding(new Insets(16));
        card.setId("enrol-card");
        card.visibleProperty().bind(model.enrolledProperty().not().and(model.demoProperty().not()));
        card.managedProperty().bind(card.visibleProperty());
        return card;
    }

    private Node demoNote() {
        Label note = hint(new Label(I18n.t("sync.demo")));
        note.setWrapText(true);
        note.setId("sync-demo-note");
        note.visibleProperty().bind(model.demoProperty());
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }

    private Node conflictsSection() {
        conflictsTitle.getStyleClass().add(Styles.SECTION_TITLE);
        conflictsTitle.setId("conflicts-title");
        conflictsTitle.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.t("sync.conflicts.title", model.conflicts().size()), model.conflicts()));
        Label hint = hint(new Label(I18n.t("sync.conflicts.hint")));
        hint.setWrapText(true);
        conflictList.setId("conflict-list");
        return new VBox(8, conflictsTitle, hint, conflictList);
    }

    private Node quarantineSection() {
        quarantineTitle.getStyleClass().add(Styles.SECTION_TITLE);
        quarantineTitle.setId("quarantine-title");
        quarantineTitle.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.t("sync.quarantine.title", model.quarantine().size()), model.quarantine()));
        Label hint = hint(new Label(I18n.t("sync.quarantine.hint")));
        hint.setWrapText(true);
        quarantineList.setId("quarantine-list");
        return new VBox(8, quarantineTitle, hint, quarantineList);
    }

    private void drawConflicts() {
        List<ConflictRow> rows = model.conflicts();
        if (rows.isEmpty()) {
            conflictList.getChildren().setAll(hint(new Label(I18n.t("sync.conflicts.none"))));
            return;
        }
        conflictList.getChildren().setAll(rows.stream().limit(MAX_CARDS).map(this::conflictCard).toList());
        if (rows.size() > MAX_CARDS) {
            conflictList.getChildren().add(hint(new Label(I18n.t("sync.conflicts.more", rows.size() - MAX_CARDS))));
        }
    }

    private Node conflictCard(ConflictRow row) {
        Label subject = new Label(I18n.t("sync.conflict.subject", row.subject(), row.field()));
        subject.getStyleClass().addAll(Styles.SECTION_TITLE, "conflict-subject");
        subject.setWrapText(true);
        Label when = hint(new Label(row.when()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(10, subject, spacer, when);
        head.setAlignment(Pos.CENTER_LEFT);

        VBox kept = side(I18n.t(row.keptIsMine() ? "sync.conflict.kept.mine" : "sync.conflict.kept"), row.keptText(), "conflict-kept-value",
                I18n.t("sync.conflict.keep"), "conflict-keep", () -> model.keep(row));
        VBox other = side(I18n.t(row.otherIsMine() ? "sync.conflict.other.mine" : "sync.conflict.other"),
                row.otherText(), "conflict-other-value",
                I18n.t("sync.conflict.takeOther"), "conflict-take-other", () -> model.takeOther(row));
        HBox sides = new HBox(12, kept, other);
        HBox.setHgrow(kept, Priority.ALWAYS);
        HBox.setHgrow(other, Priority.ALWAYS);

        Label base = hint(new Label(I18n.t("sync.conflict.base", row.baseText())));
        VBox card = new VBox(8, head, sides, base);
        if (row.editable()) {
            TextField edit = new TextField(row.editText());
            edit.getStyleClass().add("conflict-edit");
            edit.setPrefColumnCount(24);
            Button save = new Button(I18n.t("sync.conflict.save"));
            save.getStyleClass().add("conflict-save");
            save.setOnAction(e -> model.resolveWithTyped(row, edit.getText()));
            edit.setOnAction(e -> save.fire());
            HBox editLine = new HBox(10, new Label(I18n.t("sync.conflict.edit")), edit, save);
            editLine.setAlignment(Pos.CENTER_LEFT);
            card.getChildren().add(editLine);
        }
        card.getStyleClass().addAll(Styles.CARD, "conflict-card");
        card.setPadding(new Insets(12));
        card.setUserData(row.id());
        return card;
    }

    private VBox side(String heading, String value, String valueClass, String action, String actionClass,
                      Runnable onAction) {
        Label top = hint(new Label(heading));
        Label shown = new Label(value);
        shown.setWrapText(true);
        shown.getStyleClass().addAll("conflict-value", valueClass);
        Button choose = new Button(action);
        choose.getStyleClass().add(actionClass);
        choose.setOnAction(e -> onAction.run());
        VBox box = new VBox(6, top, shown, choose);
        box.getStyleClass().add("conflict-side");
        box.setPadding(new Insets(10));
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private void drawQuarantine() {
        List<QuarantineRow> rows = model.quarantine();
        if (rows.isEmpty()) {
            quarantineList.getChildren().setAll(hint(new Label(I18n.t("sync.quarantine.none"))));
            return;
        }
        quarantineList.getChildren().setAll(rows.stream().limit(MAX_CARDS).map(this::quarantineCard).toList());
    }

    private Node quarantineCard(QuarantineRow row) {
        Label subject = new Label(row.subject());
        subject.getStyleClass().addAll(Styles.SECTION_TITLE, "quarantine-subject");
        Label when = hint(new Label(row.when()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(10, subject, spacer, when);
        Label change = new Label(I18n.t("sync.quarantine.change", row.change()));
        change.setWrapText(true);
        Label reason = new Label(I18n.t("sync.quarantine.reason", row.reason()));
        reason.setWrapText(true);
        reason.getStyleClass().addAll(Styles.WARNING, "quarantine-reason");

        Button retry = new Button(I18n.t("sync.quarantine.retry"));
        retry.getStyleClass().add("quarantine-retry");
        retry.setOnAction(e -> model.retry(row));
        Button discard = new Button(I18n.t("sync.quarantine.discard"));
        discard.getStyleClass().add("quarantine-discard");
        Label confirmText = new Label(I18n.t("sync.quarantine.confirm"));
        confirmText.getStyleClass().add(Styles.ERROR);
        Button confirm = new Button(I18n.t("sync.quarantine.confirmButton"));
        confirm.getStyleClass().add("quarantine-confirm-discard");
        confirm.setOnAction(e -> model.discard(row));
        Button cancel = new Button(I18n.t("common.cancel"));
        HBox confirmLine = new HBox(10, confirmText, confirm, cancel);
        confirmLine.setAlignment(Pos.CENTER_LEFT);
        confirmLine.setVisible(false);
        confirmLine.setManaged(false);
        discard.setOnAction(e -> {
            confirmLine.setVisible(true);
            confirmLine.setManaged(true);
        });
        cancel.setOnAction(e -> {
            confirmLine.setVisible(false);
            confirmLine.setManaged(false);
        });
        HBox actions = new HBox(10, retry, discard);
        VBox card = new VBox(8, head, change, reason, actions, confirmLine);
        card.getStyleClass().addAll(Styles.CARD, "quarantine-card");
        card.setPadding(new Insets(12));
        return card;
    }

    private static void styleDot(Label dot, Connection state) {
        dot.getStyleClass().removeAll("sync-online", "sync-offline", "sync-unknown");
        dot.getStyleClass().add(switch (state) {
            case ONLINE -> "sync-online";
            case OFFLINE -> "sync-offline";
            default -> "sync-unknown";
        });
    }

    private static void styleMessage(Label message, MessageKind kind) {
        message.getStyleClass().removeAll(Styles.ERROR, Styles.SUCCESS, Styles.HINT);
        switch (kind) {
            case ERROR -> message.getStyleClass().add(Styles.ERROR);
            case SUCCESS -> message.getStyleClass().add(Styles.SUCCESS);
            case INFO -> message.getStyleClass().add(Styles.HINT);
            default -> {
            }
        }
    }

    private static Label hint(Label label) {
        label.getStyleClass().add(Styles.HINT);
        return label;
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void shown() {
        model.shown();
    }

    @Override
    public Node focusTarget() {
        return syncButton.isDisabled() ? null : syncButton;
    }

    /** The page's state, for tests and screenshots. */
    public SyncViewModel model() {
        return model;
    }
}
