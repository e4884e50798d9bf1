package fr.convergence.terrain.core.store;

import fr.convergence.terrain.core.domain.Participant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static fr.convergence.terrain.core.store.StoreTestSupport.USER;
import static fr.convergence.terrain.core.store.StoreTestSupport.openStore;
import static fr.convergence.terrain.core.store.StoreTestSupport.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowIdsTest {

    @TempDir
    Path dir;

    @Test
    void idsOfOneStoreShareTheirFirstHalfAndCountUpInTheSecond() {
        try (TerrainStore store = openStore(dir)) {
            UUID first = UUID.fromString(store.newRowId());
            UUID second = UUID.fromString(store.newRowId());
            assertThat(first.version()).isEqualTo(8);
            assertThat(first.variant()).isEqualTo(2);
            assertThat(second.getMostSignificantBits()).isEqualTo(first.getMostSignificantBits());
            assertThat(second.getLeastSignificantBits()).isEqualTo(first.getLeastSignificantBits() + 1);
        }
    }

    @Test
    void twoStoresDrawDifferentPrefixes() {
        try (TerrainStore a = TerrainStore.open(dir.resolve("a.db"));
             TerrainStore b = TerrainStore.open(dir.resolve("b.db"))) {
            assertThat(UUID.fromString(a.newRowId()).getMostSignificantBits())
                    .isNotEqualTo(UUID.fromString(b.newRowId()).getMostSignificantBits());
        }
    }

    @Test
    void anIdSavedBeforeTheStoreClosesIsNeverIssuedAgain() {
        String saved;
        try (TerrainStore store = openStore(dir)) {
            saved = saveNewParticipant(store);
        }
        try (TerrainStore reopened = TerrainStore.open(dir.resolve("terrain.db"))) {
            UUID next = UUID.fromString(reopened.newRowId());
            assertThat(next.getMostSignificantBits()).isEqualTo(UUID.fromString(saved).getMostSignificantBits());
            assertThat(next.getLeastSignificantBits()).isGreaterThan(UUID.fromString(saved).getLeastSignificantBits());
        }
    }

    @Test
    void aWriteThatFailsAtCommitDoesNotMakeALaterOneForgetToSaveTheCounter() {
        String taken;
        try (TerrainStore store = openStore(dir)) {
            ParticipantRepository participants = new ParticipantRepository(store);
            // The first write takes an id and saves the counter, then fails at commit (a foreign key checked only
            // then): the counter's save is rolled back with it.
            String[] inFailedWrite = new String[1];
            assertThatThrownBy(() -> store.write(USER, tx -> {
                inFailedWrite[0] = store.newRowId();
                tx.sql().execute("PRAGMA defer_foreign_keys = ON");
                tx.sql().execute("INSERT INTO user_worksite (user_id, worksite_id) VALUES ('nobody', 'nowhere')");
                return null;
            })).isInstanceOf(RuntimeException.class);
            taken = inFailedWrite[0];
            // The retry saves the row with the id it was given, taking no new one: the counter must be saved now.
            store.write(USER, tx -> {
                participants.save(tx, withId(participant("Lou", "Bernard"), taken));
                return null;
            });
        }
        try (TerrainStore reopened = TerrainStore.open(dir.resolve("terrain.db"))) {
            assertThat(new ParticipantRepository(reopened).find(taken)).isPresent();
            assertThat(UUID.fromString(reopened.newRowId()).getLeastSignificantBits())
                    .isGreaterThan(UUID.fromString(taken).getLeastSignificantBits());
        }
    }

    @Test
    void idsTakenFromSeveralThreadsAreAllDifferent() throws Exception {
        try (TerrainStore store = openStore(dir)) {
            Set<String> ids = ConcurrentHashMap.newKeySet();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread thread = new Thread(() -> IntStream.range(0, 1000).forEach(i -> ids.add(store.newRowId())));
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(ids).hasSize(4000);
        }
    }

    @Test
    void aCounterOutOfRangeIsRefused() {
        assertThatThrownBy(() -> RowIds.id(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new HashSet<>(List.of(RowIds.id(1, 1), RowIds.id(2, 1)))).hasSize(2);
    }

    private static String saveNewParticipant(TerrainStore store) {
        Participant created = withId(participant("Zoé", "Martin"), store.newRowId());
        store.write(USER, tx -> {
            new ParticipantRepository(store).save(tx, created);
            return null;
        });
        return created.id();
    }

    private static Participant withId(Participant p, String id) {
        return new Participant(id, p.worksiteId(), p.firstName(), p.lastName(), p.birthDate(), p.phone(), p.email(),
                p.address(), p.socialSecurityNumber(), p.referentName());
    }
}
