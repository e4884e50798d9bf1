package fr.convergence.terrain.app.print;

import fr.convergence.terrain.core.participant.ParticipantFileService;
import fr.convergence.terrain.core.print.AttendanceSheetService;
import fr.convergence.terrain.core.referral.ReferralFormService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Opens the Impressions page on the fixture's demo data in a real window, previews Zoé's follow-up sheet and
 * writes a snapshot ({@code docs/screenshots/print-page.png}). Needs a display (xvfb-run under Linux).
 */
public final class PrintsPageSnapshot {

    private PrintsPageSnapshot() {
    }

    private static java.awt.image.BufferedImage toAwt(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        java.awt.image.BufferedImage awt = new java.awt.image.BufferedImage(w, h,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        awt.setRGB(0, 0, w, h, argb, 0, w);
        return awt;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots").resolve("print-page.png");
        Path work = Files.createTempDirectory("print-page");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        PrintFixture fixture = new PrintFixture(work);
        CountDownLatch done = new CountDownLatch(1);
        Platform.startup(() -> {
            PrintsViewModel model = new PrintsViewModel(fixture.catalog,
                    new ParticipantFileService(fixture.store, fixture.access),
                    new AttendanceSheetService(fixture.store, fixture.access),
                    new ReferralFormService(fixture.store, fixture.access), fixture.cip, PrintFixture.CLOCK, executor);
            PrintsPage page = new PrintsPage(model);
            Stage stage = new Stage();
            stage.setScene(new Scene((javafx.scene.Parent) page.view(), 1280, 820));
            stage.setTitle("Impressions");
            stage.show();
            model.participants().addListener((javafx.collections.ListChangeListener<Object>) c -> {
                model.participants().stream().filter(p -> p.id().equals(PrintFixture.ZOE)).findFirst()
                        .ifPresent(p -> {
                            if (model.participantProperty().get() == null) {
                                model.participantProperty().set(p);
                            }
                        });
            });
            model.notes().addListener((javafx.collections.ListChangeListener<Object>) c -> {
                if (!model.notes().isEmpty() && model.pages().isEmpty() && !model.busyProperty().get()) {
                    model.previewFollowUp();
                }
            });
            model.pages().addListener((javafx.collections.ListChangeListener<Object>) c ->
                    new Thread(() -> {
                        try {
                            Thread.sleep(800);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        Platform.runLater(() -> {
                            WritableImage shot = stage.getScene().snapshot(null);
                            try {
                                ImageIO.write(toAwt(shot), "png", out.toFile());
                                System.out.println(out + " — " + model.statusProperty().get());
                            } catch (java.io.IOException e) {
                                e.printStackTrace();
                            }
                            done.countDown();
                        });
                    }).start());
        });
        boolean ok = done.await(60, TimeUnit.SECONDS);
        Platform.exit();
        executor.shutdownNow();
        fixture.close();
        if (!ok) {
            throw new IllegalStateException("Pas d'aperçu au bout de 60 s");
        }
    }
}
