package fr.convergence.terrain.app.audit;

import fr.convergence.terrain.core.text.TypedDate;
import fr.convergence.terrain.app.common.Formats;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.app.common.UserMessages;
import fr.convergence.terrain.app.session.Session;
import fr.convergence.terrain.core.audit.AuditEntry;
import fr.convergence.terrain.core.audit.AuditFilter;
import fr.convergence.terrain.core.audit.AuditJournal;
import fr.convergence.terrain.core.domain.AuditAction;
import fr.convergence.terrain.core.text.NameOrder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
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
 * The access journal page's state: the filters (person, participant, action, period), the entries found, and the
 * CSV export. Every read goes through {@link AuditJournal}, which refuses anyone but a coordinator or an
 * administrator, on the background executor.
 */
public final class AuditViewModel {

    /** One line of the table, as shown. */
    public record Row(String when, String person, String action, String participant, String detail) {
    }

    /** A participant named in the journal, for the filter. */
    public record ParticipantChoice(String id, String name) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final AuditJournal journal;
    private final Session session;
    private final TaskExecutor executor;
    private final Clock clock;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> people = FXCollections.observableArrayList();
    private final ObservableList<ParticipantChoice> participants = FXCollections.observableArrayList();
    private final ObjectProperty<String> person = new SimpleObjectProperty<>(this, "person");
    private final ObjectProperty<ParticipantChoice> participant = new SimpleObjectProperty<>(this, "participant");
    private final ObjectProperty<AuditAction> action = new SimpleObjectProperty<>(this, "action");
    private final StringProperty from = new SimpleStringProperty(this, "from", "");
    private final StringProperty to = new SimpleStringProperty(this, "to", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper errors = new ReadOnlyStringWrapper(this, "errors", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    /** True until the first answer (rows or an error): the page shows "Chargement…", not "nothing found". */
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", true);

    public AuditViewModel(AuditJournal journal, Session session, TaskExecutor executor, Clock clock) {
        this.journal = journal;
        this.session = session;
        this.executor = executor;
        this.clock = clock;
        from.set(Formats.date(LocalDate.now(clock).minusDays(30)));
    }

    /** Reads the choices of the filters (people and participants named in the journal), then searches. */
    public void load() {
        busy.set(true);
        executor.run(() -> {
            List<AuditEntry> all = journal.search(session.user(), AuditFilter.all());
            Map<String, ParticipantChoice> named = new LinkedHashMap<>();
            for (AuditEntry entry : all) {
                String id = entry.event().participantId();
                if (id != null && !named.containsKey(id)) {
                    named.put(id, new ParticipantChoice(id, AuditJournal.participantOf(entry)));
                }
            }
            List<ParticipantChoice> choices = named.values().stream()
                    .sorted(NameOrder.by(ParticipantChoice::name)).toList();
            return new Object[] {journal.people(session.user()), choices};
        }, loaded -> {
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) loaded[0];
            @SuppressWarnings("unchecked")
            List<ParticipantChoice> choices = (List<ParticipantChoice>) loaded[1];
            people.setAll(names);
            participants.setAll(choices);
            busy.set(false);
            search();
        }, this::failed);
    }

    /** The filter as typed, or null (with the error shown) when a date cannot be read. */
    private AuditFilter filter() {
        TypedDate first = Formats.parseDate(from.get());
        TypedDate last = Formats.parseDate(to.get());
        if (!first.valid() || !last.valid()) {
            errors.set(!first.valid() ? Formats.dateProblem(first, I18n.t("audit.period"), from.get())
                    : Formats.dateProblem(last, I18n.t("audit.period"), to.get()));
            return null;
        }
        return new AuditFilter(person.get(), participant.get() == null ? null : participant.get().id(), action.get(),
                first.value().orElse(null), last.value().orElse(null));
    }

    /** Finds the entries matching the filters. */
    public void search() {
        AuditFilter filter = filter();
        if (filter == null) {
            return;
        }
        busy.set(true);
        executor.run(() -> journal.search(session.user(), filter), found -> {
            rows.setAll(found.stream().map(this::row).toList());
            summary.set(found.size() >= AuditJournal.MAX_ENTRIES
                    ? I18n.t("audit.summary.limited", found.size()) : I18n.t("audit.summary", found.size()));
            errors.set("");
            busy.set(false);
            loading.set(false);
        }, this::failed);
    }

    /** Writes the entries matching the filters to {@code file} as CSV for Excel (the export is journaled too). */
    public void export(Path file) {
        AuditFilter filter = filter();
        if (filter == null) {
            return;
        }
        busy.set(true);
        executor.run(() -> journal.exportCsv(session.user(), filter, file), written -> {
            busy.set(false);
            errors.set("");
            message.set(I18n.t("audit.exported", file.toString(), written));
        }, this::failed);
    }

    /** A file name that says what the export holds: journal-acces-2026-03-18.csv */
    public String suggestedFileName() {
        return "journal-acces-" + LocalDate.now(clock) + ".csv";
    }

    private Row row(AuditEntry entry) {
        return new Row(WHEN.format(entry.event().occurredAt().atZone(clock.getZone())),
                AuditJournal.personOf(entry.event()), AuditJournal.actionOf(entry.event()),
                AuditJournal.participantOf(entry), entry.event().detail() == null ? "" : entry.event().detail());
    }

    private void failed(Throwable error) {
        busy.set(false);
        loading.set(false);
        errors.set(UserMessages.of(error));
    }

    /** True until the first answer: the table's placeholder says it is loading. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<String> people() {
        return people;
    }

    public ObservableList<ParticipantChoice> participants() {
        return participants;
    }

    public ObjectProperty<String> personProperty() {
        return person;
    }

    public ObjectProperty<ParticipantChoice> participantProperty() {
        return participant;
    }

    public ObjectProperty<AuditAction> actionProperty() {
        return action;
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty toProperty() {
        return to;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
