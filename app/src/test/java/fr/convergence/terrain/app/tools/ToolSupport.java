package fr.convergence.terrain.app.tools;

import fr.convergence.terrain.app.AppFlow;
import fr.convergence.terrain.app.TerrainPages;
import fr.convergence.terrain.app.common.DirectTaskExecutor;
import fr.convergence.terrain.app.data.AppConfig;
import fr.convergence.terrain.app.data.DataFolder;
import fr.convergence.terrain.core.security.PasswordHasher;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/** Helpers for the screenshot and benchmark tools, which drive the real application in a real window. */
final class ToolSupport {

    private ToolSupport() {
    }

    static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(120, TimeUnit.SECONDS);
    }

    static void onFx(Runnable work) throws Exception {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    /** Lets a few pulses go by so layout, CSS and rendering catch up. */
    static void settle() throws Exception {
        for (int i = 0; i < 5; i++) {
            onFx(() -> { });
            Thread.sleep(60);
        }
    }

    static void save(Scene scene, Path file) throws Exception {
        WritableImage image = onFx(() -> scene.snapshot(null));
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        PixelReader reader = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(buffered, "png", file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + file, e);
        }
        System.out.println("Capture : " + file);
    }

    /** The application started in a real window on {@code folder}, as the tools drive it. */
    record Started(AppFlow flow, Stage stage, Scene scene) {

        /** Stops the application and closes its window, on the JavaFX thread. */
        void close() throws Exception {
            onFx(() -> {
                flow.stop();
                stage.close();
            });
        }
    }

    /**
     * Starts the JavaFX platform and the application on {@code folder} with {@code clock}: tasks run at once, no
     * background timer, fast password hashing (the tools make their own stores).
     */
    static Started start(DataFolder folder, Clock clock) throws Exception {
        PasswordHasher fast = new PasswordHasher(1000);
        AppConfig config = new AppConfig(folder, new DirectTaskExecutor(), new DirectTaskExecutor(),
                (delay, action) -> () -> { }, clock, fast, fast, Duration.ofHours(1), 2023);
        Platform.startup(() -> { });
        Stage stage = onFx((Supplier<Stage>) Stage::new);
        AppFlow flow = onFx(() -> {
            AppFlow created = new AppFlow(stage, config, TerrainPages::standard);
            created.start();
            return created;
        });
        settle();
        return new Started(flow, stage, stage.getScene());
    }
}
