package fr.convergence.terrain.sync.it;

import fr.convergence.terrain.app.TerrainPages;
import fr.convergence.terrain.app.common.BackgroundTaskExecutor;
import fr.convergence.terrain.app.common.Scheduler;
import fr.convergence.terrain.app.common.Styles;
import fr.convergence.terrain.app.data.AppConfig;
import fr.convergence.terrain.app.data.Services;
import fr.convergence.terrain.app.session.Session;
import fr.convergence.terrain.app.shell.MainWindowView;
import fr.convergence.terrain.app.shell.MainWindowViewModel;
import fr.convergence.terrain.app.shell.PageContext;
import fr.convergence.terrain.app.shell.PageRegistry;
import fr.convergence.terrain.app.sync.SyncAgent;
import fr.convergence.terrain.app.sync.SyncPage;
import fr.convergence.terrain.app.sync.SyncService;
import fr.convergence.terrain.app.sync.SyncViewModel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Opens the main window on the Synchronisation page of laptop A against a hub on loopback, syncs, and once the
 * conflict with laptop B is on the page writes {@code docs/screenshots/sync-page.png}. Needs a display
 * (xvfb-run under Linux): docs/screenshots/sync-page.sh.
 */
public final class SyncPageSnapshot {

    private SyncPageSnapshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots").resolve("sync-page.png");
        Path work = Files.createTempDirectory("sync-page");
        SyncPageScenario scenario = SyncPageScenario.conflictWaiting(work, false);
        AppConfig config = scenario.config();
        Services services = Services.open(config.dataFolder().realStore(), config.hasher(), config.clock());
        Session session = new Session();
        session.signIn(services.auth().activeUsers().get(0));
        BackgroundTaskExecutor executor = BackgroundTaskExecutor.forStore();
        BackgroundTaskExecutor network = BackgroundTaskExecutor.forNetwork();
        CountDownLatch done = new CountDownLatch(1);
        Platform.startup(() -> {
            SyncAgent sync = new SyncAgent(new SyncService(services.syncStore(), SyncService.http()), session,
                    executor, network, Scheduler.fx(), config.clock(), Platform::runLater);
            SyncPage[] built = new SyncPage[1];
            PageRegistry registry = TerrainPages.standard(sync).replace("sync",
                    ctx -> built[0] = new SyncPage(new SyncViewModel(sync, config.clock().getZone())));
            MainWindowView window = new MainWindowView(new MainWindowViewModel(services, session, executor, false,
                    sync.state().summaryProperty()),
                    registry, navigation -> new PageContext(services, session, executor, config.clock(), navigation),
                    () -> { }, () -> { });
            sync.start();
            Stage stage = new Stage();
            Scene scene = new Scene(window.root(), 1280, 860);
            scene.getStylesheets().add(SyncPageSnapshot.class.getResource(Styles.STYLESHEET).toExternalForm());
            stage.setScene(scene);
            stage.setTitle("Convergence Terrain — Synchronisation");
            stage.show();
            window.open("sync");
            SyncPage page = built[0];
            page.model().conflicts().addListener((ListChangeListener<Object>) c -> {
                if (!page.model().conflicts().isEmpty()) {
                    new Thread(() -> {
                        sleep(1200);
                        Platform.runLater(() -> {
                            write(scene.snapshot(null), out);
                            System.out.println(out + " — " + page.model().messageProperty().get());
                            done.countDown();
                        });
                    }).start();
                }
            });
            new Thread(() -> {
                sleep(1500);
                Platform.runLater(() -> page.model().syncNow());
            }).start();
        });
        boolean ok = done.await(90, TimeUnit.SECONDS);
        Platform.exit();
        services.close();
        scenario.close();
        System.exit(ok ? 0 : 1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(WritableImage image, Path out) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage awt = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        awt.setRGB(0, 0, w, h, argb, 0, w);
        try {
            Files.createDirectories(out.getParent());
            ImageIO.write(awt, "png", out.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
