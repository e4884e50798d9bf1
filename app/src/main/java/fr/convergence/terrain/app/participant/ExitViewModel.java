package fr.convergence.terrain.app.participant;

import fr.convergence.terrain.core.text.TypedDate;
import fr.convergence.terrain.app.common.Formats;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.app.common.UserMessages;
import fr.convergence.terrain.app.session.Session;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.ExitReason;
import fr.convergence.terrain.core.participant.ParticipantService.ExitOutcome;
import fr.convergence.terrain.core.participant.ParticipantService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
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

/** Recording an exit: the date, the exit category (asked for, never guessed) and a reason of that category. */
public final class ExitViewModel {

    private final ParticipantService service;
    private final Session session;
    private final TaskExecutor executor;
    private final String enrolmentId;
    private final StringProperty date = new SimpleStringProperty(this, "date", "");
    private final ObjectProperty<ExitCategory> category = new SimpleObjectProperty<>(this, "category");
    private final ObjectProperty<ExitReason> reason = new SimpleObjectProperty<>(this, "reason");
    private final ObservableList<ExitReason> reasons = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper errors = new ReadOnlyStringWrapper(this, "errors", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final String participantName;

    public ExitViewModel(ParticipantService service, Session session, TaskExecutor executor, Clock clock,
                         String enrolmentId, String participantName) {
        this.service = service;
        this.session = session;
        this.executor = executor;
        this.enrolmentId = enrolmentId;
        this.participantName = participantName;
        date.set(Formats.date(LocalDate.now(clock)));
        category.addListener((obs, was, now) -> {
            reason.set(null);
            reasons.setAll(now == null ? List.of() : now.reasons());
        });
    }

    /** Saves the exit; {@code onDone} gets the French summary (with the follow-ups now due). */
    public void save(Consumer<String> onDone) {
        TypedDate parsed = Formats.parseDate(date.get());
        if (!parsed.valid()) {
            errors.set(Formats.dateProblem(parsed, I18n.t("exit.date"), date.get()));
            return;
        }
        busy.set(true);
        errors.set("");
        LocalDate exitDate = parsed.value().orElse(null);
        executor.run(() -> service.exit(session.user(), enrolmentId, exitDate, category.get(), reason.get()),
                result -> {
                    busy.set(false);
                    if (result.saved()) {
                        onDone.accept(summary(result.value().get()));
                    } else {
                        errors.set(result.verdict().text());
                    }
                }, e -> {
                    busy.set(false);
                    errors.set(UserMessages.of(e));
                });
    }

    private String summary(ExitOutcome outcome) {
        String text = I18n.t("exit.done", participantName, I18n.label(outcome.enrolment().exitCategory()));
        if (!outcome.followUps().isEmpty()) {
            text += " " + I18n.t("exit.followUps", outcome.followUps().stream()
                    .map(f -> Formats.date(f.dueDate())).reduce((a, b) -> a + ", " + b).orElse(""));
        }
        return text;
    }

    public String participantName() {
        return participantName;
    }

    public StringProperty dateProperty() {
        return date;
    }

    public ObjectProperty<ExitCategory> categoryProperty() {
        return category;
    }

    public ObjectProperty<ExitReason> reasonProperty() {
        return reason;
    }

    public ObservableList<ExitReason> reasons() {
        return reasons;
    }

    public ReadOnlyStringProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
