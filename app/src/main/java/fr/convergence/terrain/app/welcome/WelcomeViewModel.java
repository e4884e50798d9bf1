package fr.convergence.terrain.app.welcome;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.TaskExecutor;
import fr.convergence.terrain.app.common.UserMessages;
import fr.convergence.terrain.app.data.AppConfig;
import fr.convergence.terrain.app.data.Services;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** First start: discover the application on demonstration data, or install this workstation for real. */
public final class WelcomeViewModel {

    private final AppConfig config;
    private final TaskExecutor executor;
    private final Consumer<Services> onDemoReady;
    private final Runnable onInstall;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public WelcomeViewModel(AppConfig config, Consumer<Services> onDemoReady, Runnable onInstall) {
        this.config = config;
        this.executor = config.executor();
        this.onDemoReady = onDemoReady;
        this.onInstall = onInstall;
    }

    /** Opens the demo store, filling it from the generator the first time (a few seconds). */
    public void startDemo() {
        busy.set(true);
        message.set(I18n.t("welcome.demo.preparing"));
        executor.run(() -> {
            return Services.openDemo(config.dataFolder().demoStore(), config.demoHasher(), config.clock(),
                    config.demoSeed());
        }, services -> {
            busy.set(false);
            message.set("");
            onDemoReady.accept(services);
        }, e -> {
            busy.set(false);
            message.set(UserMessages.of(e));
        });
    }

    public void install() {
        onInstall.run();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
