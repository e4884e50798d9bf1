package fr.convergence.terrain.core.bench;

import fr.convergence.terrain.core.account.AccessPolicies;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.report.Report;
import fr.convergence.terrain.core.report.ReportPeriod;
import fr.convergence.terrain.core.report.ReportScope;
import fr.convergence.terrain.core.report.ReportService;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Report benchmark (not a test): times the territory report (Lille, territory demo data) and one worksite's
 * report, computed and exported as CSV. Run with {@code ./mvnw -q -B -o -pl core test-compile exec:java
 * -Dexec.mainClass=fr.convergence.terrain.core.bench.ReportBenchmark -Dexec.classpathScope=test}; numbers go to
 * docs/performance.md.
 */
public final class ReportBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final int RUNS = 20;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench");
        Files.createDirectories(dir);
        Path file = dir.resolve("bench-territory.db");
        if (!Files.exists(file)) {
            long start = System.nanoTime();
            try (TerrainStore store = TerrainStore.open(file)) {
                new DemoDataGenerator(2023, TODAY).generate(store, DemoSize.TERRITORY, new PasswordHasher(1000));
            }
            System.out.printf(Locale.ROOT, "territory demo data generated in %.1f s%n",
                    (System.nanoTime() - start) / 1e9);
        }
        System.out.printf(Locale.ROOT, "Report benchmark — %d cores, load average %.1f, Java %s, %d runs (median / p95)%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.version"),
                RUNS);
        User coordinator = new User("bench", "bench", "Bench", Role.COORDINATOR, "lille", Set.of(), true);
        try (TerrainStore store = TerrainStore.open(file)) {
            ReportService service = new ReportService(store, AccessPolicies.of(store));
            ReportScope territory = ReportScope.territory("lille", "Lille");
            ReportScope worksite = ReportScope.worksite("abej-solidarite", "ABEJ Solidarité");
            ReportPeriod twoYears = new ReportPeriod(TODAY.minusYears(2), TODAY);
            ReportPeriod year = ReportPeriod.lastTwelveMonths(TODAY);
            long cold = System.nanoTime();
            Report first = service.compute(coordinator, territory, twoYears);
            System.out.printf(Locale.ROOT, "territory report, 2 years, first in the JVM: %.0f ms (%d people, %.0f h)%n",
                    (System.nanoTime() - cold) / 1e6, first.activeCaseload().total(),
                    first.hours().totalMinutes() / 60.0);
            time("territory report, 2 years", () -> service.compute(coordinator, territory, twoYears));
            time("territory report, last 12 months", () -> service.compute(coordinator, territory, year));
            time("one worksite's report, last 12 months", () -> service.compute(coordinator, worksite, year));
            time("CSV export of the 2-year territory report", () -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    service.writeCsv(first, out);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return out.size();
            });
        }
    }

    private static void time(String label, Supplier<?> work) {
        for (int i = 0; i < 3; i++) {
            work.get();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf(Locale.ROOT, "%s: %.1f ms (p95 %.1f ms)%n", label, ms.get(RUNS / 2),
                ms.get((int) Math.ceil(RUNS * 0.95) - 1));
    }
}
