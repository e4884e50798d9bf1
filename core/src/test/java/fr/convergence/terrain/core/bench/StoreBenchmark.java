package fr.convergence.terrain.core.bench;

import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Worksite;
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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Store benchmark (not a test): times opening a store, loading a worksite's week grid, saving a week of hours
 * and searching participants, on territory and national demo data. Run with {@code ./mvnw -B -Pbench -pl core
 * -am verify -DskipTests}; numbers go to docs/performance.md.
 */
public final class StoreBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final int RUNS = 50;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench");
        Files.createDirectories(dir);
        System.out.printf("Store benchmark — %d cores, Java %s, %d runs per figure (median / p95)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), RUNS);
        // One size per JVM (the profile runs one execution per size), so "cold" really is the first open.
        for (DemoSize size : List.of(DemoSize.valueOf(args.length > 1 ? args[1] : "TERRITORY"))) {
            Path file = dir.resolve("bench-" + size.name().toLowerCase(Locale.ROOT) + ".db");
            if (!Files.exists(file)) {
                long start = System.nanoTime();
                try (TerrainStore store = TerrainStore.open(file)) {
                    new DemoDataGenerator(2023, TODAY).generate(store, size, new PasswordHasher(1000));
                }
                System.out.printf("%s: demo data generated in %.1f s%n", size, (System.nanoTime() - start) / 1e9);
            }
            run(size, file);
        }
    }

    private static void run(DemoSize size, Path file) {
        long openStart = System.nanoTime();
        TerrainStore first = TerrainStore.open(file);
        double coldOpen = (System.nanoTime() - openStart) / 1e6;
        first.close();
        // The same store file opened by a process whose SQLite library is loaded but which never opened this file.
        double fileOpen = firstOpenWithDriverLoaded(file);
        first = TerrainStore.open(file);
        long queryStart = System.nanoTime();
        int count = new ParticipantRepository(first).count(Set.of("abej-solidarite"));
        double coldFirstQuery = (System.nanoTime() - queryStart) / 1e6;
        first.close();
        List<Double> opens = time(10, () -> {
            TerrainStore s = TerrainStore.open(file);
            new ParticipantRepository(s).count(Set.of("abej-solidarite"));
            s.close();
            return null;
        });
        try (TerrainStore store = TerrainStore.open(file)) {
            // The demo store is encrypted (ADR 0005): its personal fields need a signed-in person.
            new fr.convergence.terrain.core.account.AuthService(store, new PasswordHasher(1000))
                    .signIn("admin", DemoDataGenerator.DEMO_PASSWORD.toCharArray()).orElseThrow();
            ParticipantRepository participants = new ParticipantRepository(store);
            EnrolmentRepository enrolments = new EnrolmentRepository(store);
            HoursRepository hours = new HoursRepository(store);
            List<Worksite> worksites = new ReferenceRepository(store).worksites();
            Set<String> allWorksites = worksites.stream().map(Worksite::id).collect(Collectors.toSet());
            String biggest = worksites.stream().max(java.util.Comparator.comparingInt(
                    w -> participants.count(Set.of(w.id())))).orElseThrow().id();
            IsoWeek week = IsoWeek.of(TODAY).previous();

            List<Double> grid = time(RUNS, () -> {
                List<Participant> people = participants.ofWorksite(biggest);
                var enrolled = enrolments.ofWorksite(biggest);
                var steps = enrolments.stepsOfWorksite(biggest);
                var cells = hours.ofWorksite(biggest, week.monday(), week.sunday());
                return people.size() + enrolled.size() + steps.size() + cells.size();
            });
            List<Participant> forty = participants.ofWorksite(biggest).subList(0, 40);
            int[] round = {0};
            List<Double> save = time(RUNS, () -> store.write("bench", tx -> {
                int minutes = 240 + 15 * (round[0]++ % 8);
                List<HoursRepository.Cell> cells = new ArrayList<>();
                for (Participant p : forty) {
                    for (LocalDate day : week.days().subList(0, 5)) {
                        cells.add(new HoursRepository.Cell(p.id(), biggest, day, HoursKind.TRAVAIL_CHANTIER, minutes));
                    }
                }
                return hours.setAll(tx, cells);
            }));
            String[] queries = {"lefe", "helene", "da silva", "zoe", "ben", "mercier t"};
            List<Double> search = time(RUNS, () -> participants.search(allWorksites, queries[round[0]++ % queries.length], 50));
            List<Double> searchOne = time(RUNS, () -> participants.search(Set.of(biggest), queries[round[0]++ % queries.length], 50));
            System.out.printf("%n%s store (%s, %.0f MB, %d participants on the biggest worksite)%n", size,
                    file.getFileName(), file.toFile().length() / 1e6, participants.count(Set.of(biggest)));
            System.out.printf("  open store, cold (first in this JVM)        %8.1f ms%n", coldOpen);
            System.out.printf("  open store file, first time, driver loaded  %8.1f ms%n", fileOpen);
            System.out.printf("  then first query, cold (jOOQ's first use)   %8.1f ms%n", coldFirstQuery);
            report("open store, warm", opens);
            report("week grid of one worksite (rows x 7 days)", grid);
            report("save a week of hours, 40 participants", save);
            report("search participants by name, all worksites", search);
            report("search participants by name, one worksite", searchOne);
            if (count < 0) {
                throw new IllegalStateException();
            }
        }
    }

    /** Runs in a child JVM that loads SQLite's driver on an in-memory database, then times opening {@code file}. */
    private static double firstOpenWithDriverLoaded(Path file) {
        try {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), FirstOpen.class.getName(), file.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(child.getInputStream().readAllBytes()).trim();
            child.waitFor();
            return Double.parseDouble(out.substring(out.lastIndexOf('\n') + 1));
        } catch (Exception e) {
            throw new IllegalStateException("child benchmark failed", e);
        }
    }

    /** Entry point of the child JVM of {@link #firstOpenWithDriverLoaded}. */
    public static final class FirstOpen {
        public static void main(String[] args) throws Exception {
            try (var memory = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:")) {
                memory.createStatement().execute("SELECT 1");
            }
            long start = System.nanoTime();
            TerrainStore.open(Path.of(args[0])).close();
            System.out.println((System.nanoTime() - start) / 1e6);
        }
    }

    private static List<Double> time(int runs, Supplier<Object> work) {
        for (int i = 0; i < Math.min(5, runs); i++) {
            work.get();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return millis;
    }

    private static void report(String label, List<Double> sorted) {
        System.out.printf("  %-43s %8.1f ms  (p95 %.1f ms)%n", label, sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1));
    }
}
