package fr.convergence.terrain.app.tools;

import fr.convergence.terrain.app.TestAccounts;
import fr.convergence.terrain.app.common.BackgroundTaskExecutor;
import fr.convergence.terrain.app.common.Scheduler;
import fr.convergence.terrain.app.data.AppConfig;
import fr.convergence.terrain.app.data.DataFolder;
import fr.convergence.terrain.app.AppFlow;
import fr.convergence.terrain.app.TerrainPages;
import fr.convergence.terrain.app.week.DayCell;
import fr.convergence.terrain.app.week.WeekPage;
import fr.convergence.terrain.app.week.WeekRowModel;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.BulkLoader;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.week.IsoWeek;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;

/**
 * Week view of 300 participants shown after navigation, and cell commits, in the real application (real window,
 * background executor, store on disk with synchronous=FULL). Prints the medians; see docs/performance.md.
 */
public final class ApplicationBenchmark {

    private static final int PARTICIPANTS = 300;
    private static final int ROUNDS = 15;
    private static final int COMMITS = 60;

    private ApplicationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("terrain-bench");
        ZoneId paris = ZoneId.of("Europe/Paris");
        LocalDate today = LocalDate.of(2026, 3, 18);
        Clock clock = Clock.fixed(today.atTime(10, 0).atZone(paris).toInstant(), paris);
        PasswordHasher fast = new PasswordHasher(1000);
        DataFolder folder = new DataFolder(data);
        fill(folder, clock, fast, today);

        AppConfig config = new AppConfig(folder, BackgroundTaskExecutor.forStore(), BackgroundTaskExecutor.forNetwork(),
                Scheduler.fx(), clock, fast, fast,
                Duration.ofHours(1), 1);
        Platform.startup(() -> { });
        Stage[] stage = new Stage[1];
        AppFlow flow = ToolSupport.onFx(() -> {
            stage[0] = new Stage();
            AppFlow created = new AppFlow(stage[0], config, TerrainPages::standard);
            created.start();
            return created;
        });
        Scene scene = stage[0].getScene();
        waitFor(() -> scene.lookup("#signin-users") != null && !((ListView<?>) scene.lookup("#signin-users")).getItems().isEmpty());
        ToolSupport.onFx(() -> {
            ListView<?> users = (ListView<?>) scene.lookup("#signin-users");
            users.getSelectionModel().select(0);
            ((PasswordField) scene.lookup("#signin-password")).setText(TestAccounts.PASSWORD);
            ((Button) scene.lookup("#signin-button")).fire();
        });
        waitFor(() -> flow.mainWindow() != null && flow.mainWindow().page("week").isPresent());
        WeekPage week = (WeekPage) flow.mainWindow().page("week").orElseThrow();
        waitFor(() -> week.tableView().getItems().size() == PARTICIPANTS);

        Stall stall = new Stall();
        ToolSupport.onFx(stall::start);
        List<Double> navigation = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            ToolSupport.onFx(() -> flow.mainWindow().open("participants"));
            ToolSupport.settle();
            navigation.add(timeNavigation(flow, week, scene));
        }
        List<Double> commits = new ArrayList<>();
        for (int i = 0; i < COMMITS; i++) {
            commits.add(timeCommit(week, i));
        }
        ToolSupport.onFx(stall::stop);
        System.out.printf(Locale.ROOT, "week view (%d participants) shown after navigation: first %.0f ms, median %.0f ms,"
                + " max %.0f ms (%d rounds)%n", PARTICIPANTS, navigation.get(0), median(navigation),
                Collections.max(navigation), ROUNDS);
        System.out.printf(Locale.ROOT, "cell commit (typed -> checked, saved with fsync, shown): median %.1f ms, p95 %.1f ms,"
                + " max %.1f ms (%d commits)%n", median(commits), percentile(commits, 95), Collections.max(commits),
                COMMITS);
        System.out.printf(Locale.ROOT, "longest gap between JavaFX frames during the runs: %.0f ms%n", stall.longest / 1e6);
        ToolSupport.onFx(() -> {
            flow.stop();
            stage[0].close();
        });
        Platform.exit();
        System.exit(0);
    }

    /** From the navigation call to the first frame laid out with the reloaded week. */
    private static double timeNavigation(AppFlow flow, WeekPage week, Scene scene) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        long[] start = new long[1];
        ToolSupport.onFx(() -> {
            week.viewModel().setAfterLoad(() -> {
                Runnable[] pulse = new Runnable[1];
                pulse[0] = () -> {
                    scene.removePostLayoutPulseListener(pulse[0]);
                    done.complete(System.nanoTime());
                };
                scene.addPostLayoutPulseListener(pulse[0]);
            });
            start[0] = System.nanoTime();
            flow.mainWindow().open("week");
        });
        return (done.get(30, TimeUnit.SECONDS) - start[0]) / 1e6;
    }

    /** From the commit on the JavaFX thread to the cell showing the saved value. */
    private static double timeCommit(WeekPage week, int i) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        long[] start = new long[1];
        ToolSupport.onFx(() -> {
            WeekRowModel row = week.tableView().getItems().get(i % PARTICIPANTS);
            int day = 3 + (i % 2);
            ChangeListener<DayCell> listener = new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends DayCell> obs, DayCell was,
                                    DayCell now) {
                    if (now.state() != DayCell.State.PENDING) {
                        row.dayProperty(day).removeListener(this);
                        done.complete(System.nanoTime());
                    }
                }
            };
            row.dayProperty(day).addListener(listener);
            start[0] = System.nanoTime();
            week.viewModel().commit(row, day, i % 3 == 0 ? "2,5" : "2h");
        });
        return (done.get(30, TimeUnit.SECONDS) - start[0]) / 1e6;
    }

    private static void fill(DataFolder folder, Clock clock, PasswordHasher hasher, LocalDate today) {
        try (TerrainStore store = TerrainStore.open(folder.realStore(), clock)) {
            TestAccounts.install(store, hasher, "abej-solidarite", "camille", "Camille Martin", Role.ESP);
            BulkLoader loader = new BulkLoader(store);
            IsoWeek week = IsoWeek.of(today);
            for (int i = 0; i < PARTICIPANTS; i++) {
                Participant p = new Participant(UUID.randomUUID().toString(), "abej-solidarite", "Prénom" + i,
                        "Nom" + String.format("%03d", i), LocalDate.of(1980, 1, 1), null, null, null, null, null);
                loader.participant(p);
                loader.enrolment(new Enrolment(UUID.randomUUID().toString(), p.id(), p.worksiteId(), Programme.CVG,
                        ContractType.CDDI, today.minusMonths(3), today.plusMonths(9), 26, null, null, null, null,
                        null, null));
                for (int d = 0; d < 3; d++) {
                    loader.hours(p.id(), p.worksiteId(), week.monday().plusDays(d), HoursKind.TRAVAIL_CHANTIER, 390);
                    loader.hours(p.id(), p.worksiteId(), week.monday().minusWeeks(1).plusDays(d),
                            HoursKind.TRAVAIL_CHANTIER, 390);
                }
            }
            loader.commit();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!ToolSupport.onFx(condition::getAsBoolean)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Timed out");
            }
            Thread.sleep(20);
        }
    }

    private static double median(List<Double> values) {
        return percentile(values, 50);
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Measures the longest time between two frames: a blocked JavaFX thread shows as a long gap. */
    private static final class Stall extends AnimationTimer {
        private long last;
        long longest;

        @Override
        public void handle(long now) {
            if (last != 0) {
                longest = Math.max(longest, now - last);
            }
            last = now;
        }
    }
}
