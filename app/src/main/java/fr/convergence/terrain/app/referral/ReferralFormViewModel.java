package fr.convergence.terrain.app.referral;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.app.common.UserMessages;
import fr.convergence.terrain.app.session.Session;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.ParticipantField;
import fr.convergence.terrain.core.domain.Partner;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.referral.ReferralDraft;
import fr.convergence.terrain.core.referral.ReferralService;
import fr.convergence.terrain.core.verdict.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/**
 * Preparing a referral: for whom, to which partner, why, the documents checklist, and — before saving — exactly
 * what the partner will receive about the person (only the fields that partner needs).
 */
public final class ReferralFormViewModel {

    private final ReferralService service;
    private final Session session;
    private final TaskExecutor executor;
    private final ObservableList<Participant> participants = FXCollections.observableArrayList();
    private final ObjectProperty<Participant> participant = new SimpleObjectProperty<>(this, "participant");
    private final ObjectProperty<Partner> partner = new SimpleObjectProperty<>(this, "partner");
    private final StringProperty partnerName = new SimpleStringProperty(this, "partnerName", "");
    private final StringProperty purpose = new SimpleStringProperty(this, "purpose", "");
    private final ObservableList<DocumentItem> documents = FXCollections.observableArrayList();
    private final ObservableList<String> shared = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper otherPartner = new ReadOnlyBooleanWrapper(this, "otherPartner");
    private final ReadOnlyStringWrapper errors = new ReadOnlyStringWrapper(this, "errors", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public ReferralFormViewModel(ReferralService service, Session session, TaskExecutor executor) {
        this.service = service;
        this.session = session;
        this.executor = executor;
        partner.addListener((obs, was, now) -> {
            otherPartner.set(now == Partner.AUTRE);
            documents.setAll(now == null ? List.of() : DocumentItem.of(ReferralService.usualChecklist(now)));
            refreshShared();
        });
        participant.addListener((obs, was, now) -> refreshShared());
    }

    /**
     * Reads the participants of {@code worksite} (null: of every worksite of the user); preselects
     * {@code participantId} when given.
     */
    public void load(Worksite worksite, String participantId) {
        executor.run(() -> service.participants(session.user(), worksite != null ? List.of(worksite.id())
                : service.worksites(session.user()).stream().map(Worksite::id).toList()), list -> {
            participants.setAll(list);
            if (participantId != null) {
                list.stream().filter(p -> p.id().equals(participantId)).findFirst().ifPresent(participant::set);
            }
        }, e -> errors.set(UserMessages.of(e)));
    }

    private void refreshShared() {
        Participant who = participant.get();
        Partner to = partner.get();
        if (who == null || to == null) {
            shared.clear();
            return;
        }
        executor.run(() -> service.sharedFieldsPreview(session.user(), who.id(), to), preview -> {
            List<String> lines = new ArrayList<>();
            for (Map.Entry<ParticipantField, String> field : preview.entrySet()) {
                lines.add(field.getValue() == null
                        ? I18n.t("orientation.shared.missing", I18n.label(field.getKey()))
                        : I18n.t("orientation.shared.line", I18n.label(field.getKey()), field.getValue()));
            }
            shared.setAll(lines);
        }, e -> errors.set(UserMessages.of(e)));
    }

    /** Adds a document the partner asked for to the checklist. */
    public void addDocument(String name) {
        if (name != null && !name.isBlank()) {
            documents.add(new DocumentItem(name.strip(), false));
        }
    }

    public void save(Consumer<Referral> onSaved) {
        if (participant.get() == null) {
            errors.set(I18n.t("orientation.form.noParticipant"));
            return;
        }
        ReferralDraft draft = new ReferralDraft(participant.get().id(), partner.get(), partnerName.get(),
                purpose.get(), partner.get() == null ? null : DocumentItem.toMap(documents));
        busy.set(true);
        executor.run(() -> service.create(session.user(), draft), (Result<Referral> result) -> {
            busy.set(false);
            if (result.saved()) {
                errors.set("");
                session.changed();
                onSaved.accept(result.value().orElseThrow());
            } else {
                errors.set(result.verdict().text());
            }
        }, e -> {
            busy.set(false);
            errors.set(UserMessages.of(e));
        });
    }

    public ObservableList<Participant> participants() {
        return participants;
    }

    public ObjectProperty<Participant> participantProperty() {
        return participant;
    }

    public ObjectProperty<Partner> partnerProperty() {
        return partner;
    }

    public StringProperty partnerNameProperty() {
        return partnerName;
    }

    public StringProperty purposeProperty() {
        return purpose;
    }

    public ObservableList<DocumentItem> documents() {
        return documents;
    }

    /** What the partner will receive about the person, one line per field. */
    public ObservableList<String> shared() {
        return shared;
    }

    public ReadOnlyBooleanProperty otherPartnerProperty() {
        return otherPartner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
