package fr.convergence.terrain.app.print;

import fr.convergence.terrain.core.account.AccessPolicies;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.report.MonthlyStatement;
import fr.convergence.terrain.core.report.ReportService;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.EnrolmentRepository;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.store.UserRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Times the monthly hours statement of a 40-person worksite as the Rapports page makes it (not a test): the demo
 * territory (seed 2023, "today" 18/03/2026), whose worksite ABEJ Solidarité is topped up to 40 people under contract
 * in February 2026 with a year of hours each; then the statement read and computed ({@link ReportService}), its PDF,
 * its CSV. Median and p95 of 20 runs after 3 warm-up runs. Run with {@code -Pbench}; numbers go to
 * docs/performance.md (« Relevé mensuel des heures »).
 */
public final class MonthlyStatementBenchmark {

    private static final String WORKSITE = "abej-solidarite";
    private static final YearMonth MONTH = YearMonth.of(2026, 2);
    private static final int PEOPLE = 40;
    private static final int RUNS = 20;

    private MonthlyStatementBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("statement-bench");
        try (TerrainStore store = TerrainStore.open(dir.resolve("territoire.db"), PrintFixture.CLOCK)) {
            new DemoDataGenerator(2023, PrintFixture.TODAY).generate(store, DemoSize.TERRITORY,
                    new PasswordHasher(1000));
            User coordinator = new UserRepository(store).findByLogin("coordination").orElseThrow();
            ReportService service = new ReportService(store, AccessPolicies.of(store));
            int demoPeople = service.monthlyStatement(coordinator, WORKSITE, MONTH).totals().people();
            int cells = topUp(store, PEOPLE - demoPeople);
            System.out.printf(Locale.ROOT, "Monthly statement benchmark — %d cores, load average %.1f, Java %s; "
                            + "%s, %s: %d people from the demo + %d added (%d hours cells added)%n",
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    System.getProperty("java.version"), WORKSITE, MONTH, demoPeople, PEOPLE - demoPeople, cells);

            PdfPrinter printer = new PdfPrinter(coordinator, PrintFixture.CLOCK, false, service.demo());
            long cold = System.nanoTime();
            MonthlyStatement first = service.monthlyStatement(coordinator, WORKSITE, MONTH);
            byte[] firstPdf = printer.monthlyStatement(first);
            System.out.printf(Locale.ROOT, "statement + PDF, first in the JVM: %.0f ms (%d people, %d pages, %d KB)%n",
                    (System.nanoTime() - cold) / 1e6, first.totals().people(), PrintFixture.pages(firstPdf),
                    firstPdf.length / 1024);
            time("statement read and computed", () -> service.monthlyStatement(coordinator, WORKSITE, MONTH));
            Files.write(dir.resolve("releve.pdf"), firstPdf);
            System.out.println("the PDF: " + dir.resolve("releve.pdf"));
            time("of which the PDF alone", () -> printer.monthlyStatement(first));
            time("statement + PDF (what « Enregistrer en PDF » does)",
                    () -> printer.monthlyStatement(service.monthlyStatement(coordinator, WORKSITE, MONTH)));
            time("statement + CSV (what « Exporter en CSV » does)", () -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    service.writeCsv(service.monthlyStatement(coordinator, WORKSITE, MONTH), out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return out.size();
            });
        }
    }

    /** Adds {@code count} people under contract in the month, each with a year of weekday hours; the cells added. */
    private static int topUp(TerrainStore store, int count) {
        LocalDate firstDay = MONTH.atDay(1).minusMonths(11);
        return store.write("bench", tx -> {
            ParticipantRepository participants = new ParticipantRepository(store);
            EnrolmentRepository enrolments = new EnrolmentRepository(store);
            HoursRepository hours = new HoursRepository(store);
            int cells = 0;
            for (int i = 0; i < count; i++) {
                String id = "bench-" + i;
                participants.save(tx, new Participant(id, WORKSITE, "Prénom" + i, "Banc" + i, null, null, null, null,
                        null, null));
                boolean phc = i % 4 == 0;
                String enrolment = id + (phc ? "-phc" : "-cddi");
                enrolments.save(tx, new Enrolment(enrolment, id, WORKSITE, phc ? Programme.PHC : Programme.CVG,
                        phc ? ContractType.PHC : ContractType.CDDI, firstDay, phc ? null : firstDay.plusYears(2),
                        phc ? null : 26, null, null, null, null, null, null));
                if (phc) {
                    enrolments.saveStep(tx, new PhcStep(id + "-s1", enrolment, 8, firstDay), WORKSITE);
                }
                for (LocalDate day = firstDay; !day.isAfter(MONTH.atEndOfMonth()); day = day.plusDays(1)) {
                    if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                        continue;
                    }
                    HoursKind kind = day.getDayOfMonth() == 10 ? HoursKind.ABSENCE_JUSTIFIEE
                            : day.getDayOfWeek() == DayOfWeek.FRIDAY ? HoursKind.FORMATION : HoursKind.TRAVAIL_CHANTIER;
                    hours.set(tx, id, WORKSITE, day, kind, phc ? 90 : 315);
                    cells++;
                }
            }
            return cells;
        });
    }

    /**
     * Median and p95 wall time of {@code work}, and the median CPU time of this thread: on the shared build machine
     * the wall time mostly measures the other builds, the CPU time what the statement costs.
     */
    private static void time(String label, Supplier<?> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 3; i++) {
            work.get();
        }
        List<Double> ms = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            work.get();
            cpu.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
            ms.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(ms);
        Collections.sort(cpu);
        System.out.printf(Locale.ROOT, "%s: %.1f ms (p95 %.1f ms), CPU %.1f ms%n", label, ms.get(RUNS / 2),
                ms.get((int) Math.ceil(RUNS * 0.95) - 1), cpu.get(RUNS / 2));
    }
}
