package fr.convergence.terrain.core.bench;

import fr.convergence.terrain.core.account.AccessPolicies;
import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.participant.ParticipantFileService;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.EnrolmentRepository;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.week.IsoWeek;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The cost of encryption at rest (issue 14, docs/performance.md "Coût du chiffrement"): the territory demo made as
 * {@code terrain demo} makes it (real password hashing), then open + sign-in, week grid, search and participant
 * file, median of 5. Uses only what main has too, so the same file runs before and after. Not a test. Run:
 * {@code ./mvnw -q -B -o -pl core test-compile exec:java -Dexec.mainClass=fr.convergence.terrain.core.bench.EncryptionCostBenchmark
 * -Dexec.classpathScope=test -Dexec.args=target/bench-crypto}.
 */
public final class EncryptionCostBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final int RUNS = 5;
    private static final PasswordHasher HASHER = new PasswordHasher();

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/bench-crypto"));
        System.out.printf("Encryption cost — %d cores, Java %s, load %s, median of %d%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0], RUNS);
        List<Double> demo = new ArrayList<>();
        Path file = null;
        for (int i = 0; i < RUNS; i++) {
            file = dir.resolve("territory-" + i + ".db");
            Files.deleteIfExists(file);
            long start = System.nanoTime();
            try (TerrainStore store = TerrainStore.open(file)) {
                new DemoDataGenerator(2023, TODAY).generate(store, DemoSize.TERRITORY, HASHER);
            }
            demo.add((System.nanoTime() - start) / 1e6);
        }
        report("demo generation, territory (PBKDF2 600,000)", demo);
        Path store0 = file;
        report("open + sign in (PBKDF2 600,000) + close", time(() -> {
            try (TerrainStore store = TerrainStore.open(store0)) {
                return new AuthService(store, HASHER).signIn("admin", DemoDataGenerator.DEMO_PASSWORD.toCharArray())
                        .orElseThrow();
            }
        }));
        try (TerrainStore store = TerrainStore.open(file)) {
            User admin = new AuthService(store, HASHER).signIn("admin", DemoDataGenerator.DEMO_PASSWORD.toCharArray())
                    .orElseThrow();
            ParticipantRepository participants = new ParticipantRepository(store);
            EnrolmentRepository enrolments = new EnrolmentRepository(store);
            HoursRepository hours = new HoursRepository(store);
            List<Worksite> worksites = new ReferenceRepository(store).worksites();
            Set<String> all = worksites.stream().map(Worksite::id).collect(Collectors.toSet());
            String biggest = worksites.stream().max(Comparator.comparingInt(w -> participants.count(Set.of(w.id()))))
                    .orElseThrow().id();
            IsoWeek week = IsoWeek.of(TODAY).previous();
            report("week grid of the biggest worksite", time(() -> participants.ofWorksite(biggest).size()
                    + enrolments.ofWorksite(biggest).size() + enrolments.stepsOfWorksite(biggest).size()
                    + hours.ofWorksite(biggest, week.monday(), week.sunday()).size()));
            String[] queries = {"lefe", "helene", "da silva", "zoe", "ben", "mercier t"};
            int[] round = {0};
            report("search by name, all worksites", time(() -> participants.search(all,
                    queries[round[0]++ % queries.length], 50)));
            List<Participant> people = participants.ofWorksite(biggest);
            ParticipantFileService files = new ParticipantFileService(store, AccessPolicies.of(store));
            report("participant file (the whole file of one person)", time(() -> files.load(admin,
                    people.get(round[0]++ % people.size()).id())));
        }
    }

    private static List<Double> time(Supplier<Object> work) {
        work.get();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }

    private static void report(String label, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("  %-50s median %9.1f ms  (min %.1f, max %.1f)%n", label, sorted.get(sorted.size() / 2),
                sorted.get(0), sorted.get(sorted.size() - 1));
    }
}
