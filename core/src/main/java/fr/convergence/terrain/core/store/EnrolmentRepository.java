package fr.convergence.terrain.core.store;

import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.DerogationKind;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.ExitReason;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.store.generated.tables.records.EnrolmentRecord;
import fr.convergence.terrain.core.store.generated.tables.records.PhcStepRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static fr.convergence.terrain.core.store.generated.Tables.ENROLMENT;
import static fr.convergence.terrain.core.store.generated.Tables.PHC_STEP;

/** Enrolments (parcours) and their PHC step history. */
public final class EnrolmentRepository {

    private final TerrainStore store;

    public EnrolmentRepository(TerrainStore store) {
        this.store = store;
    }

    public void save(StoreTransaction tx, Enrolment e) {
        EnrolmentRecord r = tx.sql().newRecord(ENROLMENT);
        r.setId(e.id());
        r.setParticipantId(e.participantId());
        r.setWorksiteId(e.worksiteId());
        r.setProgramme(e.programme().name());
        r.setContractType(e.contractType().name());
        r.setEntryDate(e.entryDate());
        r.setContractEndDate(e.contractEndDate());
        r.setWeeklyHours(e.weeklyHours());
        r.setDerogationKind(name(e.derogationKind()));
        r.setDerogationEndDate(e.derogationEndDate());
        r.setExtensionReason(e.extensionReason());
        r.setExitDate(e.exitDate());
        r.setExitCategory(name(e.exitCategory()));
        r.setExitReason(name(e.exitReason()));
        tx.save(r);
    }

    public void saveStep(StoreTransaction tx, PhcStep step, String worksiteId) {
        PhcStepRecord r = tx.sql().newRecord(PHC_STEP);
        r.setId(step.id());
        r.setEnrolmentId(step.enrolmentId());
        r.setWorksiteId(worksiteId);
        r.setTargetHours(step.targetHours());
        r.setStartDate(step.startDate());
        tx.save(r);
    }

    public Optional<Enrolment> find(String id) {
        return store.read(sql -> sql.selectFrom(ENROLMENT).where(ENROLMENT.ID.eq(id), ENROLMENT.DELETED.isFalse())
                .fetchOptional(EnrolmentRepository::toDomain));
    }

    /** The participant's enrolments, oldest first. */
    public List<Enrolment> ofParticipant(String participantId) {
        return store.read(sql -> sql.selectFrom(ENROLMENT)
                .where(ENROLMENT.PARTICIPANT_ID.eq(participantId), ENROLMENT.DELETED.isFalse())
                .orderBy(ENROLMENT.ENTRY_DATE).fetch(EnrolmentRepository::toDomain));
    }

    public List<Enrolment> ofWorksite(String worksiteId) {
        return store.read(sql -> sql.selectFrom(ENROLMENT)
                .where(ENROLMENT.WORKSITE_ID.eq(worksiteId), ENROLMENT.DELETED.isFalse())
                .orderBy(ENROLMENT.ENTRY_DATE).fetch(EnrolmentRepository::toDomain));
    }

    /** The enrolment's PHC steps, oldest first. */
    public List<PhcStep> steps(String enrolmentId) {
        return store.read(sql -> sql.selectFrom(PHC_STEP)
                .where(PHC_STEP.ENROLMENT_ID.eq(enrolmentId), PHC_STEP.DELETED.isFalse())
                .orderBy(PHC_STEP.START_DATE).fetch(EnrolmentRepository::toDomain));
    }

    /** Every PHC step of a worksite, grouped by enrolment id, oldest first. */
    public Map<String, List<PhcStep>> stepsOfWorksite(String worksiteId) {
        return store.read(sql -> sql.selectFrom(PHC_STEP)
                .where(PHC_STEP.WORKSITE_ID.eq(worksiteId), PHC_STEP.DELETED.isFalse())
                .orderBy(PHC_STEP.START_DATE).fetch(EnrolmentRepository::toDomain))
                .stream().collect(Collectors.groupingBy(PhcStep::enrolmentId));
    }

    static Enrolment toDomain(EnrolmentRecord r) {
        return new Enrolment(r.getId(), r.getParticipantId(), r.getWorksiteId(), Programme.valueOf(r.getProgramme()),
                ContractType.valueOf(r.getContractType()), r.getEntryDate(), r.getContractEndDate(), r.getWeeklyHours(),
                r.getDerogationKind() == null ? null : DerogationKind.valueOf(r.getDerogationKind()),
                r.getDerogationEndDate(), r.getExtensionReason(), r.getExitDate(),
                r.getExitCategory() == null ? null : ExitCategory.valueOf(r.getExitCategory()),
                r.getExitReason() == null ? null : ExitReason.valueOf(r.getExitReason()));
    }

    static PhcStep toDomain(PhcStepRecord r) {
        return new PhcStep(r.getId(), r.getEnrolmentId(), r.getTargetHours(), r.getStartDate());
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
