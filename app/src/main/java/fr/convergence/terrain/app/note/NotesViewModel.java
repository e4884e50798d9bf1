package fr.convergence.terrain.app.note;

import fr.convergence.terrain.core.text.TypedDate;
import fr.convergence.terrain.app.common.Formats;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.app.common.UserMessages;
import fr.convergence.terrain.app.session.Session;
import fr.convergence.terrain.core.domain.NoteTheme;
import fr.convergence.terrain.core.domain.NoteVisibility;
import fr.convergence.terrain.core.domain.SupportNote;
import fr.convergence.terrain.core.domain.SupportNoteRevision;
import fr.convergence.terrain.core.note.NoteDraft;
import fr.convergence.terrain.core.note.NoteService;
import fr.convergence.terrain.core.verdict.Result;
import fr.convergence.terrain.core.verdict.Verdict;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A participant's support-note timeline and its editor: the notes the user may read, newest first, each with
 * its revision history; writing a note or revising one (a new revision, never an overwrite), with the CNIL
 * reminder shown while typing.
 */
public final class NotesViewModel {

    /** One version of a note's text, worded for the history. */
    public record RevisionLine(String title, String text) {
    }

    /** One note of the timeline, worded. */
    public record NoteItem(String id, String header, String text, String meta, List<RevisionLine> history) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final NoteService service;
    private final Session session;
    private final TaskExecutor executor;
    private final Clock clock;
    private final ObservableList<NoteItem> notes = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing");
    private final ReadOnlyStringWrapper editorTitle = new ReadOnlyStringWrapper(this, "editorTitle", "");
    private final StringProperty date = new SimpleStringProperty(this, "date", "");
    private final ObjectProperty<NoteTheme> theme = new SimpleObjectProperty<>(this, "theme");
    private final ObjectProperty<NoteVisibility> visibility = new SimpleObjectProperty<>(this, "visibility");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final ReadOnlyStringWrapper errors = new ReadOnlyStringWrapper(this, "errors", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private List<SupportNote> loaded = List.of();
    private String participantId;
    private String editedNoteId;

    public NotesViewModel(NoteService service, Session session, TaskExecutor executor, Clock clock) {
        this.service = service;
        this.session = session;
        this.executor = executor;
        this.clock = clock;
        text.addListener((obs, was, now) -> refreshHint());
        visibility.addListener((obs, was, now) -> refreshHint());
    }

    /** Loads the timeline of {@code id}. */
    public void load(String id) {
        participantId = id;
        executor.run(() -> new Loaded(service.notesOf(session.user(), id), service.authorNames()), this::show,
                e -> errors.set(UserMessages.of(e)));
    }

    private record Loaded(List<SupportNote> notes, Map<String, String> authors) {
    }

    private void show(Loaded result) {
        loaded = result.notes();
        List<NoteItem> items = new ArrayList<>();
        for (SupportNote note : result.notes()) {
            List<RevisionLine> history = new ArrayList<>();
            int version = 1;
            for (SupportNoteRevision revision : note.revisions()) {
                history.add(new RevisionLine(I18n.t("note.history.version", version++,
                        TIME.format(revision.createdAt().atZone(clock.getZone())),
                        author(result.authors(), revision.authorId())), revision.text()));
            }
            String meta = note.revisions().size() > 1
                    ? I18n.t("note.meta.revised", author(result.authors(), note.authorId()), note.revisions().size())
                    : I18n.t("note.meta", author(result.authors(), note.authorId()));
            items.add(new NoteItem(note.id(), I18n.t("note.header", Formats.date(note.date()), I18n.label(note.theme()),
                    I18n.label(note.visibility())), note.currentText(), meta, List.copyOf(history)));
        }
        notes.setAll(items);
    }

    private static String author(Map<String, String> authors, String id) {
        return authors.getOrDefault(id, I18n.t("note.colleague"));
    }

    /** Opens the editor for a new note dated today, for the whole team. */
    public void startNew() {
        editedNoteId = null;
        editorTitle.set(I18n.t("note.editor.new"));
        date.set(Formats.date(LocalDate.now(clock)));
        theme.set(null);
        visibility.set(NoteVisibility.EQUIPE_CHANTIER);
        text.set("");
        openEditor();
    }

    /** Opens the editor on an existing note; saving appends a revision. */
    public void startEdit(String noteId) {
        SupportNote note = loaded.stream().filter(n -> n.id().equals(noteId)).findFirst().orElseThrow();
        editedNoteId = noteId;
        editorTitle.set(I18n.t("note.editor.edit", Formats.date(note.date())));
        date.set(Formats.date(note.date()));
        theme.set(note.theme());
        visibility.set(note.visibility());
        text.set(note.currentText());
        openEditor();
    }

    private void openEditor() {
        errors.set("");
        message.set("");
        refreshHint();
        editing.set(true);
    }

    public void cancel() {
        editing.set(false);
        errors.set("");
    }

    public void save() {
        TypedDate parsed = Formats.parseDate(date.get());
        if (!parsed.valid()) {
            errors.set(Formats.dateProblem(parsed, I18n.t("note.date"), date.get()));
            return;
        }
        NoteDraft draft = new NoteDraft(participantId, parsed.value().orElse(null), theme.get(), visibility.get(),
                text.get());
        String noteId = editedNoteId;
        busy.set(true);
        executor.run(() -> noteId == null ? service.create(session.user(), draft)
                : service.revise(session.user(), noteId, draft), this::saved, e -> {
                    busy.set(false);
                    errors.set(UserMessages.of(e));
                });
    }

    private void saved(Result<SupportNote> result) {
        busy.set(false);
        if (!result.saved()) {
            errors.set(result.verdict().text());
            return;
        }
        editing.set(false);
        errors.set("");
        message.set(editedNoteId == null ? I18n.t("note.saved") : I18n.t("note.revised"));
        session.changed();
        load(participantId);
    }

    private void refreshHint() {
        if (session.user() == null) {
            return;
        }
        Verdict verdict = service.hints(session.user(), new NoteDraft(participantId, null, null, visibility.get(),
                text.get()));
        hint.set(verdict.text());
    }

    public ObservableList<NoteItem> notes() {
        return notes;
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty editorTitleProperty() {
        return editorTitle.getReadOnlyProperty();
    }

    public StringProperty dateProperty() {
        return date;
    }

    public ObjectProperty<NoteTheme> themeProperty() {
        return theme;
    }

    public ObjectProperty<NoteVisibility> visibilityProperty() {
        return visibility;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The CNIL reminder (and other warnings) for the text being typed; empty when there is nothing to say. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
