package fr.convergence.terrain.core.service;

import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.reference.ReferenceData;
import fr.convergence.terrain.core.rules.AccessPolicy;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Hand-made data for the note and referral services: a store on Wednesday 18 March 2026 with the reference
 * data, one participant on ABEJ Solidarité (Lille), and one user of each role.
 */
final class CaseFixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 18);
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String WORKSITE = "abej-solidarite";
    static final String OTHER_LILLE_WORKSITE = "other-lille";
    static final AccessPolicy ACCESS = AccessPolicy.of(Map.of(WORKSITE, "lille"));

    static final User ESP = new User("u-esp", "esp", "Camille (ESP)", Role.ESP, null, Set.of(WORKSITE), true);
    static final User CIP = new User("u-cip", "cip", "Yanis (CIP)", Role.CIP, null, Set.of(WORKSITE), true);
    static final User COORDINATOR = new User("u-coord", "coord", "Sandrine", Role.COORDINATOR, "lille", Set.of(),
            true);
    static final User ELSEWHERE = new User("u-far", "far", "Ailleurs", Role.CIP, null, Set.of("aars"), true);

    private CaseFixtures() {
    }

    static Clock clock() {
        return Clock.fixed(TODAY.atTime(10, 0).atZone(PARIS).toInstant(), PARIS);
    }

    static TerrainStore open(Path dir) {
        TerrainStore store = TerrainStore.open(dir.resolve("terrain.db"), clock());
        new ReferenceRepository(store).install(ReferenceData.load());
        return store;
    }

    /** A participant with every field filled in, so minimisation has something to leave out. */
    static Participant participant(TerrainStore store) {
        Participant p = new Participant(UUID.randomUUID().toString(), WORKSITE, "Hélène", "Lefèvre",
                LocalDate.of(1979, 6, 2), "06 12 34 56 78", "helene.lefevre@exemple.fr", "12 rue des Lilas, Lille",
                "2 79 06 99 123 456 00", "Mme Durand");
        store.write("test", tx -> {
            new ParticipantRepository(store).save(tx, p);
            return null;
        });
        return p;
    }
}
