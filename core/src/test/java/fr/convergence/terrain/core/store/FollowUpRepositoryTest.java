package fr.convergence.terrain.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.FollowUp;
import fr.convergence.terrain.core.domain.Participant;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** References agree (DESIGN.md, scope): a follow-up's enrolment is its participant's, on the laptop as on the hub. */
class FollowUpRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void aFollowUpOfOnePersonOnAnothersEnrolmentIsNotSaved() {
        try (TerrainStore store = StoreTestSupport.openStore(dir)) {
            Participant x = StoreTestSupport.participant("Xavier", "Un");
            Participant y = StoreTestSupport.participant("Yasmine", "Deux");
            Enrolment ofX = StoreTestSupport.phcEnrolment(x, LocalDate.of(2024, 1, 8));
            FollowUpRepository followUps = new FollowUpRepository(store);
            store.write(StoreTestSupport.USER, tx -> {
                new ParticipantRepository(store).save(tx, x);
                new ParticipantRepository(store).save(tx, y);
                new EnrolmentRepository(store).save(tx, ofX);
                followUps.save(tx, followUp(ofX, x), x.worksiteId());
                return null;
            });

            assertThatThrownBy(() -> store.write(StoreTestSupport.USER, tx -> {
                followUps.save(tx, followUp(ofX, y), y.worksiteId());
                return null;
            })).hasMessageContaining("même personne");
            assertThat(followUps.ofParticipant(x.id())).hasSize(1);
            assertThat(followUps.ofParticipant(y.id())).isEmpty();
        }
    }

    private static FollowUp followUp(Enrolment enrolment, Participant p) {
        return new FollowUp(UUID.randomUUID().toString(), enrolment.id(), p.id(), 3, LocalDate.of(2024, 9, 1), null,
                null);
    }
}
