package fr.convergence.terrain.app.referral;

import fr.convergence.terrain.app.common.Formats;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.app.common.UserMessages;
import fr.convergence.terrain.app.session.Session;
import fr.convergence.terrain.core.domain.Partner;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.referral.ReferralDelay;
import fr.convergence.terrain.core.referral.ReferralFilter;
import fr.convergence.terrain.core.referral.ReferralRow;
import fr.convergence.terrain.core.referral.ReferralService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Orientations list: every referral of the user's worksites, filtered by worksite, partner and status, the
 * ones without news for too long flagged so the view highlights them.
 */
public final class ReferralListViewModel {

    /** One line of the table, worded. */
    public record Line(String referralId, String participant, String worksite, String partner, String purpose,
                       String status, String lastChange, String waiting, boolean overdue) {
    }

    private final ReferralService service;
    private final Session session;
    private final TaskExecutor executor;
    private final Clock clock;
    private final ObservableList<Worksite> worksites = FXCollections.observableArrayList();
    private final ObjectProperty<Worksite> worksite = new SimpleObjectProperty<>(this, "worksite");
    private final ObjectProperty<Partner> partner = new SimpleObjectProperty<>(this, "partner");
    private final ObjectProperty<ReferralStatus> status = new SimpleObjectProperty<>(this, "status");
    private final BooleanProperty overdueOnly = new SimpleBooleanProperty(this, "overdueOnly");
    /** True until the first answer (rows or an error): the page shows "Chargement…", not "nothing found". */
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", true);
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper(this, "count", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private boolean ready;

    public ReferralListViewModel(ReferralService service, Session session, TaskExecutor executor, Clock clock) {
        this.service = service;
        this.session = session;
        this.executor = executor;
        this.clock = clock;
        worksite.addListener((obs, was, now) -> search());
        partner.addListener((obs, was, now) -> search());
        status.addListener((obs, was, now) -> search());
        overdueOnly.addListener((obs, was, now) -> search());
    }

    /** Reads the user's worksites (once), then the list. */
    public void refresh() {
        if (ready) {
            search();
            return;
        }
        executor.run(() -> service.worksites(session.user()), list -> {
            worksites.setAll(list);
            ready = true;
            search();
        }, this::failed);
    }

    private void failed(Throwable e) {
        loading.set(false);
        error.set(UserMessages.of(e));
    }

    /** Reads the list again with the current filters. */
    public void search() {
        if (!ready) {
            return;
        }
        List<String> ids = worksite.get() != null ? List.of(worksite.get().id())
                : worksites.stream().map(Worksite::id).toList();
        ReferralFilter filter = new ReferralFilter(partner.get(), status.get(), overdueOnly.get());
        executor.run(() -> service.list(session.user(), ids, filter), this::show, this::failed);
    }

    private void show(List<ReferralRow> rows) {
        loading.set(false);
        error.set("");
        LocalDate today = LocalDate.now(clock);
        lines.setAll(rows.stream().map(r -> new Line(r.referral().id(), r.participantName(), r.worksiteName(),
                r.referral().partnerDisplayName(), r.referral().purpose(), I18n.label(r.referral().status()),
                Formats.date(r.lastChange()), ReferralDelay.awaitingPartner(r.referral().status())
                        ? I18n.t("orientation.waiting", ReferralDelay.daysWithoutNews(r.referral(), today)) : "",
                r.overdue())).toList());
        long overdue = rows.stream().filter(ReferralRow::overdue).count();
        count.set(I18n.t("orientation.count", rows.size(), overdue, service.overdueDays()));
    }

    public ObservableList<Worksite> worksites() {
        return worksites;
    }

    public ObjectProperty<Worksite> worksiteProperty() {
        return worksite;
    }

    public ObjectProperty<Partner> partnerProperty() {
        return partner;
    }

    public ObjectProperty<ReferralStatus> statusProperty() {
        return status;
    }

    public BooleanProperty overdueOnlyProperty() {
        return overdueOnly;
    }

    public ObservableList<Line> lines() {
        return lines;
    }

    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True until the first answer: the table's placeholder says it is loading. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
