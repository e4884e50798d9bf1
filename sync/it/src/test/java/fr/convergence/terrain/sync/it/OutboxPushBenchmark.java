package fr.convergence.terrain.sync.it;

import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.SyncReport;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import fr.convergence.terrain.sync.protocol.ColumnCodec;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What sending a laptop's queue costs the laptop. Not a test: it asserts nothing and only runs with -Pbench:
 * <pre>
 * ./mvnw -B -o -Pbench -pl sync/it -am test -Dtest=OutboxPushBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * A laptop back from weeks offline (participants, six weeks of hours cells, notes in prose) turns its queue into
 * request bodies as the sync engine does — the queue read ({@link SyncRepository#nextBatch}), the request encoded,
 * gzipped —, timed over repeated runs; then the whole queue is pushed to a hub on loopback.
 */
class OutboxPushBenchmark {

    static final int PARTICIPANTS = 150;
    static final int WEEKS = 6;
    static final int NOTES = 600;
    static final int WARM_UP = 15;
    static final int RUNS = 40;

    @TempDir
    Path dir;

    @Test
    void push() throws Exception {
        try (SyncWorld world = SyncWorld.sqlite(dir)) {
            SyncWorld.Laptop laptop = world.laptop("bench", "worksite", SyncWorld.SITE_A);
            backlog(laptop);
            laptop.store().write("system", SyncRepository::numberOutbox);
            SyncRepository queue = laptop.engine().repository();
            List<Operation> all = queue.nextBatch(Integer.MAX_VALUE);
            byte[] body = SyncCodec.encode(request(all));
            line("queue: %,d operations, request body %,d B (%,d B gzipped)", all.size(), body.length,
                    SyncCodec.gzip(body).length);

            double[] read = time(() -> queue.nextBatch(Integer.MAX_VALUE).size());
            double[] encode = time(() -> SyncCodec.encode(request(all)).length);
            double[] readAndEncode = time(() -> SyncCodec.encode(request(queue.nextBatch(Integer.MAX_VALUE))).length);
            double[] gzip = time(() -> SyncCodec.gzip(body).length);
            line("queue read (nextBatch): %s", figures(read, all.size()));
            line("request encoded (SyncCodec.encode): %s", figures(encode, all.size()));
            line("queue read + request encoded: %s", figures(readAndEncode, all.size()));
            line("body gzipped (for scale): %s", figures(gzip, all.size()));

            SyncReport report = laptop.engine().sync(SyncProgress.NONE);
            line("push of the queue to a hub on loopback: %d ops in %d request(s), %,d B up (gzip), %.2f s",
                    report.operationsSent(), report.requests(), report.bytesUp(), report.millis() / 1000.0);
        }
    }

    /** Participants with their enrolment, six weeks of week-day hours each, notes of 200–400 characters. */
    private static void backlog(SyncWorld.Laptop laptop) {
        Edits edits = new Edits(laptop.store(), "esp");
        List<Participant> people = new ArrayList<>();
        for (int i = 0; i < PARTICIPANTS; i++) {
            people.add(edits.participant(SyncWorld.SITE_A, "Prénom" + i, "Nom-é" + i));
        }
        HoursRepository hours = new HoursRepository(laptop.store());
        LocalDate monday = Edits.MONDAY.minusWeeks(WEEKS);
        for (Participant p : people) {
            List<HoursRepository.Cell> cells = new ArrayList<>();
            for (LocalDate day = monday; day.isBefore(Edits.MONDAY); day = day.plusDays(1)) {
                if (day.getDayOfWeek().compareTo(DayOfWeek.FRIDAY) <= 0) {
                    cells.add(new HoursRepository.Cell(p.id(), p.worksiteId(), day, HoursKind.TRAVAIL_CHANTIER,
                            360 + 15 * (day.getDayOfMonth() % 3)));
                }
            }
            laptop.store().write("esp", tx -> hours.setAll(tx, cells));
        }
        String[] words = ("entretien logement démarches formation CACES rendez-vous conseillère mission locale "
                + "santé mutuelle permis transport « reprise » d'emploi chantier équipe objectifs suivi").split(" ");
        Random random = new Random(13);
        for (int i = 0; i < NOTES; i++) {
            StringBuilder text = new StringBuilder();
            int length = 200 + random.nextInt(200);
            while (text.length() < length) {
                text.append(words[random.nextInt(words.length)]).append(random.nextInt(12) == 0 ? ".\n" : " ");
            }
            edits.note(people.get(i % people.size()), text.toString());
        }
    }

    private static SyncRequest request(List<Operation> operations) {
        return new SyncRequest(SyncCodec.PROTOCOL, "device", "hub", 0, 0, operations, false, null, null,
                ColumnCodec.COLUMNS_3, 0L);
    }

    /** Milliseconds of each timed run, sorted, after warm-up runs. */
    private static double[] time(Supplier<Integer> run) {
        for (int i = 0; i < WARM_UP; i++) {
            run.get();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            run.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static String figures(double[] millis, int operations) {
        double median = millis[millis.length / 2];
        return String.format(Locale.ROOT, "median %.1f ms (%.2f µs per operation), min %.1f ms, p90 %.1f ms", median,
                median * 1000 / operations, millis[0], millis[millis.length * 9 / 10]);
    }

    private static void line(String format, Object... args) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
    }
}
