package fr.convergence.terrain.app.participant;

import fr.convergence.terrain.core.text.TypedDate;
import fr.convergence.terrain.app.common.Formats;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.app.common.UserMessages;
import fr.convergence.terrain.app.session.Session;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.DerogationKind;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.participant.ParticipantFile;
import fr.convergence.terrain.core.participant.ParticipantService;
import fr.convergence.terrain.core.verdict.Verdict;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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

/**
 * Creating a participant with their first enrolment, or editing both. Fields are text as typed; dates are read
 * here (dd/MM/yyyy) and everything else is checked by the participant service, whose French messages are shown.
 */
public final class ParticipantFormViewModel {

    private final ParticipantService service;
    private final Session session;
    private final TaskExecutor executor;
    private final Participant editedParticipant;
    private final Enrolment editedEnrolment;
    private String createOn;
    final StringProperty firstName = new SimpleStringProperty(this, "firstName", "");
    final StringProperty lastName = new SimpleStringProperty(this, "lastName", "");
    final StringProperty birthDate = new SimpleStringProperty(this, "birthDate", "");
    final StringProperty phone = new SimpleStringProperty(this, "phone", "");
    final StringProperty email = new SimpleStringProperty(this, "email", "");
    final StringProperty address = new SimpleStringProperty(this, "address", "");
    final StringProperty nir = new SimpleStringProperty(this, "nir", "");
    final StringProperty referent = new SimpleStringProperty(this, "referent", "");
    final ObjectProperty<Programme> programme = new SimpleObjectProperty<>(this, "programme", Programme.PHC);
    final StringProperty entryDate = new SimpleStringProperty(this, "entryDate", "");
    final StringProperty contractEnd = new SimpleStringProperty(this, "contractEnd", "");
    final StringProperty weeklyHours = new SimpleStringProperty(this, "weeklyHours", "");
    final ObjectProperty<DerogationKind> derogation = new SimpleObjectProperty<>(this, "derogation");
    final StringProperty derogationEnd = new SimpleStringProperty(this, "derogationEnd", "");
    final StringProperty extensionReason = new SimpleStringProperty(this, "extensionReason", "");
    private final ReadOnlyStringWrapper errors = new ReadOnlyStringWrapper(this, "errors", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper cddi = new ReadOnlyBooleanWrapper(this, "cddi");

    /** A new participant, entering today. */
    public ParticipantFormViewModel(ParticipantService service, Session session, TaskExecutor executor, Clock clock) {
        this(service, session, executor, null, null);
        entryDate.set(Formats.date(LocalDate.now(clock)));
        title.set(I18n.t("form.title.new"));
    }

    /** A new participant goes on this worksite (the one chosen in the list) rather than the laptop's own. */
    public void createOn(String worksiteId) {
        this.createOn = worksiteId;
    }

    /** Editing the participant and the current enrolment of a loaded file. */
    public ParticipantFormViewModel(ParticipantService service, Session session, TaskExecutor executor,
                                    ParticipantFile file) {
        this(service, session, executor, file.participant(), file.currentEnrolment().orElse(null));
        Participant p = file.participant();
        firstName.set(p.firstName());
        lastName.set(p.lastName());
        birthDate.set(Formats.date(p.birthDate()));
        phone.set(nz(p.phone()));
        email.set(nz(p.email()));
        address.set(nz(p.address()));
        nir.set(nz(p.socialSecurityNumber()));
        referent.set(nz(p.referentName()));
        if (editedEnrolment != null) {
            programme.set(editedEnrolment.programme());
            entryDate.set(Formats.date(editedEnrolment.entryDate()));
            contractEnd.set(Formats.date(editedEnrolment.contractEndDate()));
            weeklyHours.set(editedEnrolment.weeklyHours() == null ? "" : editedEnrolment.weeklyHours().toString());
            derogation.set(editedEnrolment.derogationKind());
            derogationEnd.set(Formats.date(editedEnrolment.derogationEndDate()));
            extensionReason.set(nz(editedEnrolment.extensionReason()));
        }
        title.set(I18n.t("form.title.edit", p.firstName() + " " + p.lastName()));
    }

    private ParticipantFormViewModel(ParticipantService service, Session session, TaskExecutor executor,
                                     Participant participant, Enrolment enrolment) {
        this.service = service;
        this.session = session;
        this.executor = executor;
        this.editedParticipant = participant;
        this.editedEnrolment = enrolment;
        cddi.bind(programme.isEqualTo(Programme.CVG));
    }

    public boolean editing() {
        return editedParticipant != null;
    }

    /** Checks and saves; calls {@code onSaved} with the participant's id, or shows every problem at once. */
    public void save(Consumer<String> onSaved) {
        List<String> problems = new ArrayList<>();
        LocalDate birth = date(birthDate, "form.birthDate", problems);
        LocalDate entry = date(entryDate, "form.entryDate", problems);
        LocalDate end = date(contractEnd, "form.contractEnd", problems);
        LocalDate derogationEndDate = date(derogationEnd, "form.derogationEnd", problems);
        Integer hours = null;
        String hoursText = weeklyHours.get() == null ? "" : weeklyHours.get().strip();
        if (programme.get() == Programme.CVG && !hoursText.isEmpty()) {
            try {
                hours = Integer.valueOf(hoursText);
            } catch (NumberFormatException e) {
                problems.add(I18n.t("form.badHours", hoursText));
            }
        }
        if (!problems.isEmpty()) {
            errors.set(String.join("\n", problems));
            return;
        }
        boolean isCddi = programme.get() == Programme.CVG;
        String worksite = editing() ? editedParticipant.worksiteId() : null;
        Participant participant = new Participant(editing() ? editedParticipant.id() : null, worksite,
                firstName.get(), lastName.get(), birth, phone.get(), email.get(), address.get(), nir.get(),
                referent.get());
        Enrolment enrolment = new Enrolment(editedEnrolment == null ? null : editedEnrolment.id(), null, null,
                programme.get(), programme.get() == null ? null : isCddi ? ContractType.CDDI : ContractType.PHC,
                entry, isCddi ? end : null, isCddi ? hours : null, isCddi ? derogation.get() : null,
                isCddi ? derogationEndDate : null, isCddi ? extensionReason.get() : null, null, null, null);
        busy.set(true);
        errors.set("");
        executor.run(() -> saveNow(participant, enrolment), outcome -> {
            busy.set(false);
            if (outcome.verdict().saveAllowed()) {
                onSaved.accept(outcome.participantId());
            } else {
                errors.set(outcome.verdict().text());
            }
        }, e -> {
            busy.set(false);
            errors.set(UserMessages.of(e));
        });
    }

    private record Outcome(String participantId, Verdict verdict) {
    }

    private Outcome saveNow(Participant participant, Enrolment enrolment) {
        if (!editing()) {
            Participant draft = new Participant(null, createOn != null ? createOn : service.homeWorksite(),
                    participant.firstName(),
                    participant.lastName(), participant.birthDate(), participant.phone(), participant.email(),
                    participant.address(), participant.socialSecurityNumber(), participant.referentName());
            var result = service.create(session.user(), draft, enrolment);
            return new Outcome(result.value().map(Participant::id).orElse(null), result.verdict());
        }
        Verdict check = service.checkParticipant(participant);
        if (editedEnrolment != null) {
            check = check.and(service.checkEnrolment(new Enrolment(editedEnrolment.id(),
                    editedEnrolment.participantId(), editedEnrolment.worksiteId(), enrolment.programme(),
                    enrolment.contractType(), enrolment.entryDate(), enrolment.contractEndDate(),
                    enrolment.weeklyHours(), enrolment.derogationKind(), enrolment.derogationEndDate(),
                    enrolment.extensionReason(), null, null, null)));
        }
        if (!check.saveAllowed()) {
            return new Outcome(participant.id(), check);
        }
        var saved = service.update(session.user(), participant);
        Verdict verdict = saved.verdict();
        if (editedEnrolment != null) {
            verdict = verdict.and(service.updateEnrolment(session.user(), new Enrolment(editedEnrolment.id(),
                    null, null, enrolment.programme(), enrolment.contractType(), enrolment.entryDate(),
                    enrolment.contractEndDate(), enrolment.weeklyHours(), enrolment.derogationKind(),
                    enrolment.derogationEndDate(), enrolment.extensionReason(), null, null, null)).verdict());
        }
        return new Outcome(participant.id(), verdict);
    }

    private static LocalDate date(StringProperty text, String labelKey, List<String> problems) {
        TypedDate parsed = Formats.parseDate(text.get());
        if (!parsed.valid()) {
            problems.add(Formats.dateProblem(parsed, I18n.t(labelKey), text.get()));
        }
        return parsed.value().orElse(null);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    public ReadOnlyStringProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cddiProperty() {
        return cddi.getReadOnlyProperty();
    }
}
