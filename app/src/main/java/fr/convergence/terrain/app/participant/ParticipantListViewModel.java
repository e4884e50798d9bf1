package fr.convergence.terrain.app.participant;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.app.common.UserMessages;
import fr.convergence.terrain.app.common.WorksiteChoice;
import fr.convergence.terrain.app.session.Session;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.participant.ParticipantQuery;
import fr.convergence.terrain.core.participant.ParticipantService;
import fr.convergence.terrain.core.participant.ParticipantSummary;
import java.util.Optional;
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

/** The participant list: accent-insensitive search, filters (programme, status, PHC step) and counts. */
public final class ParticipantListViewModel {

    private final ParticipantService service;
    private final Session session;
    private final TaskExecutor executor;
    private final WorksiteChoice worksites;
    private boolean started;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<Programme> programme = new SimpleObjectProperty<>(this, "programme");
    private final ObjectProperty<ParticipantQuery.Status> status =
            new SimpleObjectProperty<>(this, "status", ParticipantQuery.Status.ACTIVE);
    private final ObjectProperty<Integer> step = new SimpleObjectProperty<>(this, "step");
    private final ObservableList<ParticipantSummary> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private long token;
    /** Whether the rows shown answer the search as it stands (false while an answer is awaited). */
    private boolean settled;
    /** What to do once the awaited answer is shown (a key typed right after a letter acts on that letter's rows). */
    private Runnable afterAnswer;
    /** True until the first answer (rows or an error): the page shows "Chargement…", not "nothing found". */
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", true);

    public ParticipantListViewModel(ParticipantService service, Session session, TaskExecutor executor) {
        this(service, session, executor, WorksiteChoice.homeOnly());
    }

    /** A list whose worksite can be chosen among those the user sees ({@code worksites}). */
    public ParticipantListViewModel(ParticipantService service, Session session, TaskExecutor executor,
                                    WorksiteChoice worksites) {
        this.service = service;
        this.session = session;
        this.executor = executor;
        this.worksites = worksites;
        worksites.onChange(this::search);
        text.addListener((obs, was, now) -> search());
        programme.addListener((obs, was, now) -> search());
        status.addListener((obs, was, now) -> search());
        step.addListener((obs, was, now) -> search());
    }

    /** Each time the page is shown: the first time reads the worksites to choose from, then searches. */
    public void show() {
        if (started) {
            search();
        } else {
            started = true;
            worksites.load(executor, session.user(), this::search);
        }
    }

    public void search() {
        long current = ++token;
        settled = false;
        ParticipantQuery query = new ParticipantQuery(text.get(), programme.get(), status.get(), step.get());
        Optional<String> worksite = worksites.chosenId();
        executor.run(() -> worksite.isPresent() ? service.search(session.user(), worksite.get(), query)
                : service.search(session.user(), query), result -> {
            if (current != token) {
                return;
            }
            rows.setAll(result.rows());
            loading.set(false);
            error.set("");
            countText.set(I18n.t("participants.count", result.rows().size(), result.total(), result.active(),
                    result.exited()));
            settle(true);
        }, e -> {
            loading.set(false);
            error.set(UserMessages.of(e));
            if (current == token) {
                settle(false);
            }
        });
    }

    /**
     * Runs {@code action} once the rows shown answer the search as it stands: at once, or when the awaited answer
     * comes (only the last action asked meanwhile; none if the search fails).
     */
    public void whenSettled(Runnable action) {
        if (settled) {
            action.run();
        } else {
            afterAnswer = action;
        }
    }

    private void settle(boolean answered) {
        settled = true;
        Runnable then = afterAnswer;
        afterAnswer = null;
        if (answered && then != null) {
            then.run();
        }
    }

    /** The worksite listed, and those the user may switch to (new participants are created on it). */
    public WorksiteChoice worksiteChoice() {
        return worksites;
    }

    public ObservableList<ParticipantSummary> rows() {
        return rows;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<Programme> programmeProperty() {
        return programme;
    }

    public ObjectProperty<ParticipantQuery.Status> statusProperty() {
        return status;
    }

    public ObjectProperty<Integer> stepProperty() {
        return step;
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True until the first answer: the table's placeholder says it is loading. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
