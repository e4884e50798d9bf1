package fr.convergence.terrain.app.tools;

import fr.convergence.terrain.app.common.DirectTaskExecutor;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.WorksiteChoice;
import fr.convergence.terrain.app.data.Services;
import fr.convergence.terrain.app.participant.ParticipantFileViewModel;
import fr.convergence.terrain.app.participant.ParticipantListViewModel;
import fr.convergence.terrain.app.session.Session;
import fr.convergence.terrain.app.week.WeekViewModel;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.week.IsoWeek;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Issue 17: the desktop application on a territory store of 2,000 people (the territory demo with 2,000 people
 * instead of 300, seven worksites, two years, encrypted like a real laptop's). Times, through the application's own
 * view models (the services on the calling thread, as {@link DirectTaskExecutor} runs them, then the view model
 * filling its lists), what a coordinator waits for: a worksite's week shown after navigation, a search by name,
 * a participant file opened (which journals the access: one write with fsync). Median of 30 after 5 warm-up
 * rounds, p95 and max. Run with {@code ./mvnw -B -pl app -am -DskipTests -Pterritory-scale verify}; the store is
 * generated once into {@code app/target/bench/} (argument: another folder).
 */
public final class TerritoryScaleBenchmark {

    private static final int PEOPLE = 2_000;
    private static final int WARM_UP = 5;
    private static final int ROUNDS = 30;
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 18);

    private TerritoryScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        I18n.use(Locale.FRENCH);
        Path folder = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/bench"));
        Path file = folder.resolve("territory-" + PEOPLE + ".db");
        ZoneId paris = ZoneId.of("Europe/Paris");
        Clock clock = Clock.fixed(TODAY.atTime(10, 0).atZone(paris).toInstant(), paris);
        PasswordHasher hasher = new PasswordHasher(1000);
        if (!Files.exists(file)) {
            long start = System.nanoTime();
            try (TerrainStore store = TerrainStore.open(file, clock)) {
                DemoDataGenerator.Summary summary = new DemoDataGenerator(2023, TODAY).generatePeople(store,
                        DemoSize.TERRITORY, PEOPLE, hasher);
                System.out.printf(Locale.ROOT, "generated %s: %d people, %d enrolments, %d hours cells, %d notes in "
                        + "%.1f s%n", file, summary.participants(), summary.enrolments(), summary.hoursCells(),
                        summary.notes(), (System.nanoTime() - start) / 1e9);
            }
        }
        try (Services services = Services.open(file, hasher, clock)) {
            User coordinator = services.auth().signIn("coordination", DemoDataGenerator.DEMO_PASSWORD.toCharArray()).orElseThrow();
            Session session = new Session();
            session.signIn(coordinator);
            DirectTaskExecutor direct = new DirectTaskExecutor();

            WeekViewModel week = new WeekViewModel(services.week(), session, direct, clock,
                    new WorksiteChoice(services.workstation()));
            week.start();
            List<String> worksites = week.worksiteChoice().worksites().stream().map(w -> w.id()).toList();
            ParticipantListViewModel list = new ParticipantListViewModel(services.participants(), session, direct,
                    new WorksiteChoice(services.workstation()));
            list.show();
            List<String> ids = list.rows().stream().map(s -> s.participant().id()).toList();
            List<String> names = list.rows().stream().map(s -> s.participant().lastName()).toList();
            System.out.printf(Locale.ROOT, "coordinator sees %d worksites; the first lists %d people, its current "
                    + "week %d rows%n", worksites.size(), ids.size(), week.rows().size());

            Random random = new Random(17);
            List<Double> weekMs = new ArrayList<>();
            List<Double> searchMs = new ArrayList<>();
            List<Double> fileMs = new ArrayList<>();
            int weekRows = 0;
            int found = 0;
            for (int round = 0; round < WARM_UP + ROUNDS; round++) {
                // A week among the last twelve, on one worksite after another, as a coordinator browses them.
                IsoWeek target = IsoWeek.of(TODAY.minusWeeks(random.nextInt(12)));
                week.worksiteChoice().choose(week.worksiteChoice().worksites().get(round % worksites.size()));
                long start = System.nanoTime();
                week.load(target);
                double weekTime = (System.nanoTime() - start) / 1e6;
                weekRows = Math.max(weekRows, week.rows().size());

                String name = names.get(random.nextInt(names.size()));
                list.textProperty().set(name.substring(0, Math.min(3, name.length())));
                start = System.nanoTime();
                list.search();
                double searchTime = (System.nanoTime() - start) / 1e6;
                found = Math.max(found, list.rows().size());

                ParticipantFileViewModel fileModel = new ParticipantFileViewModel(services.participantFiles(),
                        services.rightOfAccess(), session, direct, clock);
                start = System.nanoTime();
                fileModel.load(ids.get(random.nextInt(ids.size())));
                double fileTime = (System.nanoTime() - start) / 1e6;
                if (fileModel.fileProperty().get() == null) {
                    throw new IllegalStateException("participant file not shown: " + fileModel.errorProperty().get());
                }
                if (round >= WARM_UP) {
                    weekMs.add(weekTime);
                    searchMs.add(searchTime);
                    fileMs.add(fileTime);
                }
            }
            String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            print("week of one worksite shown (view model, " + weekRows + " rows at most)", weekMs, 300, load);
            print("search by name, 3 letters (view model, " + found + " rows at most)", searchMs, 100, load);
            print("participant file opened (view model, access journaled)", fileMs, 300, load);
        }
    }

    private static void print(String what, List<Double> ms, int target, String load) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "TERRITORY-2000 %s: median %.1f ms, p95 %.1f ms, max %.1f ms (target %d ms), "
                        + "load %s%n", what, sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1), sorted.get(sorted.size() - 1), target, load);
    }
}
