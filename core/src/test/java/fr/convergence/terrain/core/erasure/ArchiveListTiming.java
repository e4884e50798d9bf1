package fr.convergence.terrain.core.erasure;

import fr.convergence.terrain.core.account.Workstation;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.participant.ParticipantQuery;
import fr.convergence.terrain.core.participant.ParticipantService;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.week.IsoWeek;
import fr.convergence.terrain.core.week.WeekService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a check: prints what the archive rule costs a list on the `territory` demo store. Its name keeps it out of the
 * build's test run; run it with {@code ./mvnw -B -o -pl core -am test -Dtest=ArchiveListTiming
 * -Dsurefire.failIfNoSpecifiedTests=false}. A coordinator's call is the call as before (the rule asks nothing of
 * the store for them); an ESP's pays the rule. Median of 15 calls after 5 warm-up calls.
 */
class ArchiveListTiming {

    @TempDir
    Path dir;

    @Test
    void printTimings() {
        LocalDate today = LocalDate.of(2026, 3, 18);
        ZoneId paris = ZoneId.of("Europe/Paris");
        Clock clock = Clock.fixed(today.atTime(10, 0).atZone(paris).toInstant(), paris);
        try (TerrainStore store = TerrainStore.open(dir.resolve("territory.db"), clock)) {
            new DemoDataGenerator(2023, today).generate(store, DemoSize.TERRITORY, new PasswordHasher(1000));
            Worksite worksite = new ReferenceRepository(store).worksites().stream()
                    .filter(w -> w.territoryId() != null).findFirst().orElseThrow();
            User esp = new User("t-esp", "t-esp", "ESP", Role.ESP, null, Set.of(worksite.id()), true);
            User coordinator = new User("t-coord", "t-coord", "Coordination", Role.COORDINATOR, null,
                    Set.of(worksite.id()), true);
            Workstation workstation = new Workstation(store);
            ParticipantService participants = new ParticipantService(workstation);
            WeekService weeks = new WeekService(workstation);
            IsoWeek week = IsoWeek.of(today);
            ArchiveRule rule = new ArchiveRule(store);
            System.out.printf("territory store, worksite %s: %d people listed to the coordinator, %d to the ESP, "
                            + "%d hidden%n", worksite.id(),
                    participants.search(coordinator, worksite.id(), ParticipantQuery.all()).total(),
                    participants.search(esp, worksite.id(), ParticipantQuery.all()).total(),
                    rule.hiddenFrom(esp, Set.of(worksite.id())).size());
            for (User user : new User[] {coordinator, esp}) {
                System.out.printf("%-12s search %6.2f ms   week grid %6.2f ms%n", user.role(),
                        median(() -> participants.search(user, worksite.id(), ParticipantQuery.all())),
                        median(() -> weeks.load(user, worksite.id(), week)));
            }
            System.out.printf("ArchiveRule.hiddenFrom alone (ESP) %6.2f ms%n",
                    median(() -> rule.hiddenFrom(esp, Set.of(worksite.id()))));
        }
    }

    private static double median(Supplier<?> call) {
        for (int i = 0; i < 5; i++) {
            call.get();
        }
        long[] nanos = new long[15];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            call.get();
            nanos[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(nanos);
        return nanos[nanos.length / 2] / 1e6;
    }
}
