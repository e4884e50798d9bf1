package fr.convergence.terrain.core.store;

import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.reference.ReferenceData;
import fr.convergence.terrain.core.store.generated.tables.records.OutboxRecord;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static fr.convergence.terrain.core.store.generated.Tables.OUTBOX;

/** Opens a fresh store with the reference data, makes participants for tests and reads the outbox. */
final class StoreTestSupport {

    static final String USER = "test-user";
    static final String WORKSITE = "abej-solidarite";

    private StoreTestSupport() {
    }

    static TerrainStore openStore(Path dir) {
        TerrainStore store = TerrainStore.open(dir.resolve("terrain.db"));
        new ReferenceRepository(store).install(ReferenceData.load());
        return store;
    }

    /** The outbox rows, oldest first: what {@code StoreTransaction} recorded for the sync client to send. */
    static List<OutboxRecord> outbox(TerrainStore store) {
        return store.read(sql -> sql.selectFrom(OUTBOX).orderBy(OUTBOX.SEQ).fetch());
    }

    static Participant participant(String first, String last) {
        return new Participant(UUID.randomUUID().toString(), WORKSITE, first, last, LocalDate.of(1980, 5, 17),
                "06 12 34 56 78", null, "12 rue des Lilas, 59000 Lille", null, null);
    }

    static Enrolment phcEnrolment(Participant p, LocalDate entry) {
        return new Enrolment(UUID.randomUUID().toString(), p.id(), p.worksiteId(), Programme.PHC, ContractType.PHC,
                entry, null, null, null, null, null, null, null, null);
    }
}
