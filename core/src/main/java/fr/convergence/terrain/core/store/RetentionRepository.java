package fr.convergence.terrain.core.store;

import static fr.convergence.terrain.core.store.generated.Tables.ENROLMENT;
import static fr.convergence.terrain.core.store.generated.Tables.FOLLOW_UP;
import static fr.convergence.terrain.core.store.generated.Tables.PARTICIPANT;

import fr.convergence.terrain.core.domain.EndOfSupport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** What retention reads of the store: when each person's support ended (core/erasure/RetentionService decides). */
public final class RetentionRepository {

    /** A person, and the day their support ended; null while it goes on, or when nothing says it began. */
    public record SupportEnd(String participantId, String displayName, String worksiteId, LocalDate ended) {
    }

    private final TerrainStore store;

    public RetentionRepository(TerrainStore store) {
        this.store = store;
    }

    /** Everyone of the store. */
    public List<SupportEnd> all() {
        return supportEnds(DSL.noCondition());
    }

    /** The people of {@code worksiteIds} (lists ask for a whole worksite at once). */
    public List<SupportEnd> ofWorksites(Collection<String> worksiteIds) {
        return supportEnds(PARTICIPANT.WORKSITE_ID.in(worksiteIds));
    }

    /** One person (none when unknown or deleted). */
    public List<SupportEnd> of(String participantId) {
        return supportEnds(PARTICIPANT.ID.eq(participantId));
    }

    /**
     * Each person with the day their support ended: the latest of their enrolments' exits and of their follow-ups'
     * due or done days; none while an enrolment has no exit. A person with no enrolment at all has none either
     * (nothing says their support began or ended: left to an erasure on request).
     */
    private List<SupportEnd> supportEnds(Condition participants) {
        Condition whose = PARTICIPANT.DELETED.isFalse().and(participants);
        // Only the enrolments and follow-ups of the people asked for (all of them: no filter at all).
        Condition enrolmentsOf = participants.equals(DSL.noCondition()) ? DSL.noCondition()
                : ENROLMENT.PARTICIPANT_ID.in(DSL.select(PARTICIPANT.ID).from(PARTICIPANT).where(whose));
        Condition followUpsOf = participants.equals(DSL.noCondition()) ? DSL.noCondition()
                : FOLLOW_UP.PARTICIPANT_ID.in(DSL.select(PARTICIPANT.ID).from(PARTICIPANT).where(whose));
        return store.read(sql -> {
            Map<String, EndOfSupport> ends = new HashMap<>();
            // Three queries whatever the number of people.
            sql.select(ENROLMENT.PARTICIPANT_ID, ENROLMENT.EXIT_DATE).from(ENROLMENT)
                    .where(ENROLMENT.DELETED.isFalse())
                    .and(enrolmentsOf)
                    .forEach(r -> ends.computeIfAbsent(r.value1(), k -> new EndOfSupport())
                            .enrolment(r.value2()));
            sql.select(FOLLOW_UP.PARTICIPANT_ID, FOLLOW_UP.DUE_DATE, FOLLOW_UP.DONE_DATE).from(FOLLOW_UP)
                    .where(FOLLOW_UP.DELETED.isFalse())
                    .and(followUpsOf)
                    .forEach(r -> {
                        var end = ends.get(r.value1());
                        if (end != null) {
                            end.followUp(r.value2(), r.value3());
                        }
                    });
            List<SupportEnd> files = new ArrayList<>();
            sql.select(PARTICIPANT.ID, PARTICIPANT.FIRST_NAME, PARTICIPANT.LAST_NAME, PARTICIPANT.WORKSITE_ID)
                    .from(PARTICIPANT).where(whose).forEach(r -> files.add(new SupportEnd(r.value1(),
                            r.value2() + " " + r.value3(), r.value4(),
                            ends.containsKey(r.value1()) ? ends.get(r.value1()).ended() : null)));
            return files;
        });
    }
}
