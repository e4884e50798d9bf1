package fr.convergence.terrain.app.referral;

import fr.convergence.terrain.core.text.TypedDate;
import fr.convergence.terrain.app.common.Formats;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.app.common.UserMessages;
import fr.convergence.terrain.app.session.Session;
import fr.convergence.terrain.core.domain.ParticipantField;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.domain.ReferralStatusChange;
import fr.convergence.terrain.core.referral.ReferralService;
import fr.convergence.terrain.core.referral.ReferralWorkflow;
import fr.convergence.terrain.core.verdict.Result;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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
 * One referral: what was shared with the partner, the documents checklist, its dated and signed status history,
 * and the moves its workflow allows next (never backwards, nothing after a final status).
 */
public final class ReferralDetailViewModel {

    private final ReferralService service;
    private final Session session;
    private final TaskExecutor executor;
    private final Clock clock;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObservableList<String> facts = FXCollections.observableArrayList();
    private final ObservableList<String> shared = FXCollections.observableArrayList();
    private final ObservableList<DocumentItem> documents = FXCollections.observableArrayList();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ObservableList<ReferralStatus> nextStatuses = FXCollections.observableArrayList();
    private final ObjectProperty<ReferralStatus> nextStatus = new SimpleObjectProperty<>(this, "nextStatus");
    private final StringProperty moveDate = new SimpleStringProperty(this, "moveDate", "");
    private final StringProperty comment = new SimpleStringProperty(this, "comment", "");
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper(this, "closed");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper errors = new ReadOnlyStringWrapper(this, "errors", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private String referralId;
    private String participantName;

    public ReferralDetailViewModel(ReferralService service, Session session, TaskExecutor executor, Clock clock) {
        this.service = service;
        this.session = session;
        this.executor = executor;
        this.clock = clock;
    }

    private record Loaded(Referral referral, String participant, Map<String, String> users) {
    }

    /** Loads the referral {@code id} of {@code participant} (the name as the list or the form showed it). */
    public void load(String id, String participant) {
        referralId = id;
        participantName = participant;
        executor.run(() -> new Loaded(service.referral(session.user(), id), participant, service.userNames()),
                this::show, e -> errors.set(UserMessages.of(e)));
    }

    private void show(Loaded loaded) {
        Referral referral = loaded.referral();
        title.set(I18n.t("orientation.detail.title", loaded.participant(), referral.partnerDisplayName()));
        status.set(I18n.label(referral.status()));
        facts.setAll(I18n.t("orientation.detail.purpose", referral.purpose()),
                I18n.t("orientation.detail.created", Formats.date(referral.createdOn())));
        List<String> sharedLines = new ArrayList<>();
        for (Map.Entry<ParticipantField, String> field : referral.sharedFields().entrySet()) {
            sharedLines.add(I18n.t("orientation.shared.line", I18n.label(field.getKey()), field.getValue()));
        }
        shared.setAll(sharedLines);
        documents.setAll(DocumentItem.of(referral.documents()));
        List<String> lines = new ArrayList<>();
        for (ReferralStatusChange change : referral.history()) {
            String by = loaded.users().getOrDefault(change.changedBy(), I18n.t("note.colleague"));
            String move = change.from() == null ? I18n.t("orientation.history.created", I18n.label(change.to()))
                    : I18n.t("orientation.history.move", I18n.label(change.from()), I18n.label(change.to()));
            String line = I18n.t("orientation.history.line", Formats.date(change.changedOn()), move, by);
            lines.add(change.comment() == null ? line : line + " — «\u00a0" + change.comment() + "\u00a0»");
        }
        history.setAll(lines);
        List<ReferralStatus> next = ReferralWorkflow.allowedNext(referral.status()).stream()
                .sorted(Comparator.naturalOrder()).toList();
        nextStatuses.setAll(next);
        nextStatus.set(next.isEmpty() ? null : next.get(0));
        closed.set(next.isEmpty());
        moveDate.set(Formats.date(LocalDate.now(clock)));
        comment.set("");
    }

    /** Moves the referral to the chosen status on the typed date, signed by the user. */
    public void move() {
        TypedDate date = Formats.parseDate(moveDate.get());
        if (!date.valid()) {
            errors.set(Formats.dateProblem(date, I18n.t("orientation.move.date"), moveDate.get()));
            return;
        }
        ReferralStatus to = nextStatus.get();
        String note = comment.get();
        busy.set(true);
        executor.run(() -> service.move(session.user(), referralId, to, date.value().orElse(null), note),
                (Result<Referral> result) -> {
                    busy.set(false);
                    if (result.saved()) {
                        errors.set("");
                        message.set(I18n.t("orientation.moved", I18n.label(to)));
                        session.changed();
                        load(referralId, participantName);
                    } else {
                        message.set("");
                        errors.set(result.verdict().text());
                    }
                }, this::failed);
    }

    /** Saves the ticked documents. */
    public void saveDocuments() {
        var map = DocumentItem.toMap(documents);
        busy.set(true);
        executor.run(() -> service.updateDocuments(session.user(), referralId, map), (Result<Referral> result) -> {
            busy.set(false);
            if (result.saved()) {
                errors.set("");
                message.set(I18n.t("orientation.documents.saved"));
                session.changed();
            } else {
                errors.set(result.verdict().text());
            }
        }, this::failed);
    }

    private void failed(Throwable e) {
        busy.set(false);
        errors.set(UserMessages.of(e));
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<String> facts() {
        return facts;
    }

    public ObservableList<String> shared() {
        return shared;
    }

    public ObservableList<DocumentItem> documents() {
        return documents;
    }

    public ObservableList<String> history() {
        return history;
    }

    public ObservableList<ReferralStatus> nextStatuses() {
        return nextStatuses;
    }

    public ObjectProperty<ReferralStatus> nextStatusProperty() {
        return nextStatus;
    }

    public StringProperty moveDateProperty() {
        return moveDate;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    /** Whether the referral reached a final status (nothing can move it any more). */
    public ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
