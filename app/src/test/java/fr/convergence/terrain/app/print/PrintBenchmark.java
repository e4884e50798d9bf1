package fr.convergence.terrain.app.print;

import fr.convergence.terrain.core.account.AccessPolicies;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.participant.ParticipantFileService;
import fr.convergence.terrain.core.print.AttendanceSheetService;
import fr.convergence.terrain.core.print.PrintCatalogService;
import fr.convergence.terrain.core.referral.ReferralFormService;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.week.IsoWeek;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times the print-outs on a 300-participant demo territory: one follow-up sheet warm (read + PDF), every sheet
 * of the territory, sheet sizes, one attendance sheet and one referral form. Run with {@code -Pbench}; numbers
 * go to {@code docs/performance.md}.
 */
public final class PrintBenchmark {

    private PrintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("print-bench");
        try (TerrainStore store = TerrainStore.open(dir.resolve("territoire.db"), PrintFixture.CLOCK)) {
            long t0 = System.nanoTime();
            new DemoDataGenerator(2023, PrintFixture.TODAY).generate(store, DemoSize.TERRITORY, new PasswordHasher(1000));
            System.out.printf(Locale.ROOT, "demo territory generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            AccessPolicy access = AccessPolicies.of(store);
            PrintCatalogService catalog = new PrintCatalogService(store, access);
            User coordinator = new fr.convergence.terrain.core.store.UserRepository(store).findByLogin("coordination").orElseThrow();
            ParticipantFileService files = new ParticipantFileService(store, access);
            PdfPrinter printer = new PdfPrinter(coordinator, PrintFixture.CLOCK, false, true);
            List<Worksite> worksites = catalog.worksites(coordinator);
            List<String> everyone = new ArrayList<>();
            for (Worksite w : worksites) {
                catalog.participants(coordinator, w.id()).stream().map(Participant::id).forEach(everyone::add);
            }
            System.out.printf("%d worksites, %d participants%n", worksites.size(), everyone.size());

            for (int i = 0; i < 200; i++) {
                printer.followUpSheet(files.load(coordinator, everyone.get(i % everyone.size())),
                        FollowUpSheetOptions.withoutNotes());
            }
            double[] one = new double[100];
            double[] renderOnly = new double[100];
            for (int i = 0; i < one.length; i++) {
                String id = everyone.get((i * 7) % everyone.size());
                long a = System.nanoTime();
                var file = files.load(coordinator, id);
                long b = System.nanoTime();
                printer.followUpSheet(file, FollowUpSheetOptions.withoutNotes());
                long c = System.nanoTime();
                one[i] = (c - a) / 1e6;
                renderOnly[i] = (c - b) / 1e6;
            }
            System.out.printf(Locale.ROOT, "one follow-up sheet, warm (read + PDF): median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                    pct(one, 50), pct(one, 95), pct(one, 100));
            System.out.printf(Locale.ROOT, "  of which PDF only: median %.1f ms, p95 %.1f ms%n", pct(renderOnly, 50),
                    pct(renderOnly, 95));

            int[] sizes = new int[everyone.size()];
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = printer.followUpSheet(files.load(coordinator, everyone.get(i)),
                        FollowUpSheetOptions.withoutNotes()).length;
            }
            Arrays.sort(sizes);
            System.out.printf(Locale.ROOT, "sheet size: median %d KB, max %d KB%n", sizes[sizes.length / 2] / 1024,
                    sizes[sizes.length - 1] / 1024);

            long batchStart = System.nanoTime();
            byte[] all = printer.followUpSheets("Territoire", everyone, id -> files.load(coordinator, id),
                    (done, total) -> true);
            double batchSeconds = (System.nanoTime() - batchStart) / 1e9;
            System.out.printf(Locale.ROOT, "all %d sheets of the territory in one PDF: %.1f s, %d pages, %d KB%n",
                    everyone.size(), batchSeconds, PrintFixture.pages(all), all.length / 1024);
            long perSite = System.nanoTime();
            for (Worksite w : worksites) {
                List<String> ids = catalog.participants(coordinator, w.id()).stream().map(Participant::id).toList();
                printer.followUpSheets(w.name(), ids, id -> files.load(coordinator, id), (done, total) -> true);
            }
            System.out.printf(Locale.ROOT, "same, one PDF per worksite: %.1f s%n", (System.nanoTime() - perSite) / 1e9);

            AttendanceSheetService attendance = new AttendanceSheetService(store, access);
            double[] att = new double[30];
            for (int i = 0; i < att.length; i++) {
                long a = System.nanoTime();
                printer.attendanceSheet(attendance.load(coordinator, worksites.get(0).id(),
                        IsoWeek.of(PrintFixture.TODAY)), true);
                att[i] = (System.nanoTime() - a) / 1e6;
            }
            System.out.printf(Locale.ROOT, "attendance sheet (read + PDF): median %.1f ms%n", pct(att, 50));
            ReferralFormService referrals = new ReferralFormService(store, access);
            String referralId = catalog.referrals(coordinator, everyone.stream()
                    .filter(id -> !catalog.referrals(coordinator, id).isEmpty()).findFirst().orElseThrow())
                    .get(0).id();
            double[] ref = new double[30];
            for (int i = 0; i < ref.length; i++) {
                long a = System.nanoTime();
                printer.referralForm(referrals.load(coordinator, referralId));
                ref[i] = (System.nanoTime() - a) / 1e6;
            }
            System.out.printf(Locale.ROOT, "referral form (read + PDF): median %.1f ms%n", pct(ref, 50));
        }
    }

    private static double pct(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)];
    }
}
