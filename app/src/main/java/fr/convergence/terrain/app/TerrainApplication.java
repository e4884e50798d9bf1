package fr.convergence.terrain.app;

import fr.convergence.terrain.app.data.AppConfig;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one window driven by {@link AppFlow}. Started by {@link DesktopLauncher}. */
public final class TerrainApplication extends Application {

    private AppFlow flow;

    @Override
    public void start(Stage stage) {
        flow = new AppFlow(stage, AppConfig.fromEnvironment(), TerrainPages::standard);
        flow.start();
    }

    @Override
    public void stop() {
        if (flow != null) {
            flow.stop();
        }
    }
}
