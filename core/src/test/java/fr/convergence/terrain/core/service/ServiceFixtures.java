package fr.convergence.terrain.core.service;

import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/** A store installed for one worksite on a fixed day (Wednesday 18 March 2026), with an ESP account. */
final class ServiceFixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 18);
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String WORKSITE = "abej-solidarite";
    static final PasswordHasher FAST_HASHER = new PasswordHasher(1000);

    private ServiceFixtures() {
    }

    static Clock clock() {
        return Clock.fixed(TODAY.atTime(10, 0).atZone(PARIS).toInstant(), PARIS);
    }

    /** A store installed for {@link #WORKSITE}; returns the ESP created by the installation. */
    static User install(TerrainStore store) {
        return new SetupService().install(store, FAST_HASHER, WORKSITE, "camille", "Camille Martin", Role.ESP,
                "secret1".toCharArray(), "secret1".toCharArray()).value().orElseThrow();
    }

    static TerrainStore open(Path dir) {
        return TerrainStore.open(dir.resolve("terrain.db"), clock());
    }

    static Participant person(String first, String last) {
        return new Participant(null, WORKSITE, first, last, LocalDate.of(1985, 4, 2), "06 11 22 33 44", null, null,
                null, null);
    }

    static Enrolment phc(LocalDate entry) {
        return new Enrolment(null, null, null, Programme.PHC, ContractType.PHC, entry, null, null, null, null, null,
                null, null, null);
    }

    static Enrolment cddi(LocalDate entry, int weeklyHours) {
        return new Enrolment(null, null, null, Programme.CVG, ContractType.CDDI, entry, entry.plusMonths(12).minusDays(1),
                weeklyHours, null, null, null, null, null, null);
    }

    static User elsewhere() {
        return new User("x", "x", "Ailleurs", Role.ESP, null, Set.of("aars"), true);
    }
}
