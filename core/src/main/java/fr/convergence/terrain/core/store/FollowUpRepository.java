package fr.convergence.terrain.core.store;

import fr.convergence.terrain.core.domain.FollowUp;
import fr.convergence.terrain.core.store.generated.tables.records.FollowUpRecord;
import java.util.List;

import static fr.convergence.terrain.core.store.generated.Tables.ENROLMENT;
import static fr.convergence.terrain.core.store.generated.Tables.FOLLOW_UP;

/** Post-exit follow-up contacts (CVG). */
public final class FollowUpRepository {

    private final TerrainStore store;

    public FollowUpRepository(TerrainStore store) {
        this.store = store;
    }

    /**
     * Saves a follow-up; its enrolment must be its participant's (the hub refuses it otherwise: a row hanging on two
     * people's files would be left behind in one worksite when the other person moves).
     */
    public void save(StoreTransaction tx, FollowUp followUp, String worksiteId) {
        String enrolled = tx.sql().select(ENROLMENT.PARTICIPANT_ID).from(ENROLMENT)
                .where(ENROLMENT.ID.eq(followUp.enrolmentId())).fetchOne(ENROLMENT.PARTICIPANT_ID);
        if (!followUp.participantId().equals(enrolled)) {
            throw new StoreException("Ce suivi ne se rattache pas au parcours de la même personne\u00a0: il n’est pas "
                    + "enregistré.");
        }
        FollowUpRecord r = tx.sql().newRecord(FOLLOW_UP);
        r.setId(followUp.id());
        r.setEnrolmentId(followUp.enrolmentId());
        r.setParticipantId(followUp.participantId());
        r.setWorksiteId(worksiteId);
        r.setMonthsAfter(followUp.monthsAfterExit());
        r.setDueDate(followUp.dueDate());
        r.setDoneDate(followUp.doneDate());
        r.setOutcome(followUp.outcome());
        tx.save(r);
    }

    public List<FollowUp> ofParticipant(String participantId) {
        return store.read(sql -> sql.selectFrom(FOLLOW_UP)
                .where(FOLLOW_UP.PARTICIPANT_ID.eq(participantId), FOLLOW_UP.DELETED.isFalse())
                .orderBy(FOLLOW_UP.DUE_DATE).fetch(FollowUpRepository::toDomain));
    }

    public List<FollowUp> ofWorksite(String worksiteId) {
        return store.read(sql -> sql.selectFrom(FOLLOW_UP)
                .where(FOLLOW_UP.WORKSITE_ID.eq(worksiteId), FOLLOW_UP.DELETED.isFalse())
                .orderBy(FOLLOW_UP.DUE_DATE).fetch(FollowUpRepository::toDomain));
    }

    static FollowUp toDomain(FollowUpRecord r) {
        return new FollowUp(r.getId(), r.getEnrolmentId(), r.getParticipantId(), r.getMonthsAfter(), r.getDueDate(),
                r.getDoneDate(), r.getOutcome());
    }
}
