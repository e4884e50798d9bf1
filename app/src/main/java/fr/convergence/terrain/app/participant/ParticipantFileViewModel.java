package fr.convergence.terrain.app.participant;

import fr.convergence.terrain.app.common.Formats;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.app.common.UserMessages;
import fr.convergence.terrain.app.print.PdfPrinter;
import fr.convergence.terrain.app.session.Session;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.FollowUp;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.participant.ParticipantFile;
import fr.convergence.terrain.core.participant.ParticipantFileService;
import fr.convergence.terrain.core.rights.PersonalData;
import fr.convergence.terrain.core.rights.RightOfAccessService;
import fr.convergence.terrain.core.text.Texts;
import fr.convergence.terrain.core.week.CvgRules;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** A participant's file as the screen shows it: facts already worded, chart points, and what can be done next. */
public final class ParticipantFileViewModel {

    /** A labelled value of the file. */
    public record Fact(String label, String value) {
    }

    /** One week of the chart: worked hours against the PHC step target (null outside PHC). */
    public record ChartPoint(String week, double workedHours, Integer targetHours) {
    }

    private final ParticipantFileService service;
    private final RightOfAccessService rights;
    private final Session session;
    private final TaskExecutor executor;
    private final Clock clock;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper canExit = new ReadOnlyBooleanWrapper(this, "canExit");
    private final ReadOnlyBooleanWrapper phc = new ReadOnlyBooleanWrapper(this, "phc");
    private final ReadOnlyBooleanWrapper canExport = new ReadOnlyBooleanWrapper(this, "canExport");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");
    private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper(this, "exportMessage", "");
    private final ReadOnlyObjectWrapper<ParticipantFile> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ObservableList<Fact> identity = FXCollections.observableArrayList();
    private final ObservableList<Fact> enrolment = FXCollections.observableArrayList();
    private final ObservableList<String> steps = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> chart = FXCollections.observableArrayList();
    private final ObservableList<String> exitAndFollowUps = FXCollections.observableArrayList();
    private final ObservableList<String> referrals = FXCollections.observableArrayList();
    private String participantId;

    public ParticipantFileViewModel(ParticipantFileService service, RightOfAccessService rights, Session session,
                                    TaskExecutor executor, Clock clock) {
        this.service = service;
        this.rights = rights;
        this.session = session;
        this.executor = executor;
        this.clock = clock;
        // The role alone decides whether the action shows; the worksite is checked again when exporting.
        canExport.set(RightOfAccessService.mayExport(session.user()));
    }

    /**
     * Writes the right-of-access PDF and JSON of the shown participant into {@code folder}, on the background
     * thread; says where when done, or why not.
     */
    public void exportPersonalData(Path folder) {
        if (participantId == null || exporting.get()) {
            return;
        }
        String id = participantId;
        User user = session.user();
        exporting.set(true);
        exportMessage.set(I18n.t("file.access.working"));
        executor.run(() -> {
            PersonalData data = rights.export(user, id);
            byte[] pdf = new PdfPrinter(user, clock, false, data.demo()).personalData(data);
            return rights.writeFiles(data, pdf, folder);
        }, files -> {
            exporting.set(false);
            exportMessage.set(I18n.t("file.access.done", folder, files.pdf().getFileName(),
                    files.json().getFileName()));
        }, e -> {
            exporting.set(false);
            exportMessage.set("");
            error.set(UserMessages.of(e));
        });
    }

    public void load(String id) {
        participantId = id;
        executor.run(() -> service.load(session.user(), id), this::show, e -> error.set(UserMessages.of(e)));
    }

    public void reload() {
        if (participantId != null) {
            load(participantId);
        }
    }

    private void show(ParticipantFile loaded) {
        file.set(loaded);
        error.set("");
        Participant p = loaded.participant();
        title.set(p.firstName() + " " + p.lastName());
        identity.setAll(
                new Fact(I18n.t("file.birthDate"), Formats.date(p.birthDate())),
                new Fact(I18n.t("file.phone"), orDash(p.phone())),
                new Fact(I18n.t("file.email"), orDash(p.email())),
                new Fact(I18n.t("file.address"), orDash(p.address())),
                new Fact(I18n.t("file.nir"), orDash(p.socialSecurityNumber())),
                new Fact(I18n.t("file.referent"), orDash(p.referentName())),
                new Fact(I18n.t("file.worksite"), loaded.worksite().name()));
        List<Fact> enrolmentFacts = new ArrayList<>();
        Enrolment current = loaded.currentEnrolment().orElse(null);
        if (current != null) {
            enrolmentFacts.add(new Fact(I18n.t("file.programme"), I18n.label(current.programme())));
            enrolmentFacts.add(new Fact(I18n.t("file.contract"), I18n.label(current.contractType())
                    + (current.weeklyHours() == null ? "" : " — " + I18n.t("file.weeklyHours", current.weeklyHours()))));
            enrolmentFacts.add(new Fact(I18n.t("file.entry"), Formats.date(current.entryDate())));
            if (current.contractEndDate() != null) {
                enrolmentFacts.add(new Fact(I18n.t("file.contractEnd"), Formats.date(current.contractEndDate())));
            }
            if (current.derogationKind() != null) {
                enrolmentFacts.add(new Fact(I18n.t("file.derogation"), I18n.label(current.derogationKind()) + " — "
                        + I18n.t("file.until", Formats.date(current.derogationEndDate()))));
            }
            if (current.extensionReason() != null) {
                enrolmentFacts.add(new Fact(I18n.t("file.extension"), current.extensionReason()));
            }
            if (current.programme() == fr.convergence.terrain.core.domain.Programme.CVG && !current.exited()) {
                enrolmentFacts.add(new Fact(I18n.t("file.cvgEnd"), Formats.date(CvgRules.supportEnd(current))));
            }
        }
        if (loaded.enrolments().size() > 1) {
            enrolmentFacts.add(new Fact(I18n.t("file.previous"), String.valueOf(loaded.enrolments().size() - 1)));
        }
        enrolment.setAll(enrolmentFacts);
        List<String> stepLines = new ArrayList<>();
        loaded.stepsByEnrolment().values().forEach(list -> {
            for (PhcStep step : list) {
                stepLines.add(I18n.t("file.step", step.targetHours(), Formats.date(step.startDate())));
            }
        });
        steps.setAll(stepLines);
        phc.set(current != null && current.contractType() == ContractType.PHC && !current.exited());
        List<ChartPoint> points = new ArrayList<>();
        int from = Math.max(0, loaded.weeks().size() - 52);
        for (ParticipantFile.WeekPoint point : loaded.weeks().subList(from, loaded.weeks().size())) {
            points.add(new ChartPoint(I18n.t("file.chart.week", point.week().number()),
                    point.workedMinutes() / 60.0, point.targetHours()));
        }
        chart.setAll(points);
        List<String> exit = new ArrayList<>();
        if (current != null && current.exited()) {
            exit.add(I18n.t("file.exited", Formats.date(current.exitDate()),
                    current.exitCategory() == null ? I18n.t("file.internalMove") : I18n.label(current.exitCategory()),
                    current.exitReason() == null ? "" : I18n.label(current.exitReason())));
        }
        for (FollowUp followUp : loaded.followUps()) {
            String state = followUp.done() ? I18n.t("file.followUp.done", Formats.date(followUp.doneDate()),
                    orDash(followUp.outcome()))
                    : CvgRules.overdue(followUp, clock) ? I18n.t("file.followUp.overdue")
                    : I18n.t("file.followUp.todo");
            exit.add(I18n.t("file.followUp", followUp.monthsAfterExit(), Formats.date(followUp.dueDate()), state));
        }
        exitAndFollowUps.setAll(exit);
        canExit.set(current != null && !current.exited());
        List<String> referralLines = new ArrayList<>();
        for (Referral referral : loaded.referrals()) {
            referralLines.add(Formats.date(referral.createdOn()) + " — " + referral.partnerDisplayName() + "\u00a0: "
                    + referral.purpose() + " (" + I18n.label(referral.status()) + ")");
        }
        referrals.setAll(referralLines);
    }

    /** Total worked hours over the chart's weeks, for the chart's caption. */
    public String chartCaption() {
        double total = chart.stream().mapToDouble(ChartPoint::workedHours).sum();
        return I18n.t("file.chart.caption", chart.size(), Texts.hours((int) Math.round(total * 60)));
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    public String participantId() {
        return participantId;
    }

    public ReadOnlyObjectProperty<ParticipantFile> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canExitProperty() {
        return canExit.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canExportProperty() {
        return canExport.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exportMessageProperty() {
        return exportMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty phcProperty() {
        return phc.getReadOnlyProperty();
    }

    public ObservableList<Fact> identity() {
        return identity;
    }

    public ObservableList<Fact> enrolment() {
        return enrolment;
    }

    public ObservableList<String> steps() {
        return steps;
    }

    public ObservableList<ChartPoint> chart() {
        return chart;
    }

    public ObservableList<String> exitAndFollowUps() {
        return exitAndFollowUps;
    }

    public ObservableList<String> referrals() {
        return referrals;
    }
}
