package fr.convergence.terrain.app;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Styles;
import fr.convergence.terrain.app.common.UserMessages;
import fr.convergence.terrain.app.data.AppConfig;
import fr.convergence.terrain.app.data.LocalBackups;
import fr.convergence.terrain.app.data.LocalBackups.OpeningFailure;
import fr.convergence.terrain.app.data.Services;
import fr.convergence.terrain.app.session.IdleLock;
import fr.convergence.terrain.app.session.Session;
import fr.convergence.terrain.app.session.SignInView;
import fr.convergence.terrain.app.session.SignInViewModel;
import fr.convergence.terrain.app.shell.MainWindowView;
import fr.convergence.terrain.app.shell.MainWindowViewModel;
import fr.convergence.terrain.app.shell.PageContext;
import fr.convergence.terrain.app.shell.PageRegistry;
import fr.convergence.terrain.app.sync.SyncAgent;
import fr.convergence.terrain.app.sync.SyncService;
import fr.convergence.terrain.app.welcome.DamagedStoreView;
import fr.convergence.terrain.app.welcome.DamagedStoreViewModel;
import fr.convergence.terrain.app.welcome.SetupView;
import fr.convergence.terrain.app.welcome.SetupViewModel;
import fr.convergence.terrain.app.welcome.WelcomeView;
import fr.convergence.terrain.app.welcome.WelcomeViewModel;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.store.StoreException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which screen the window shows: first start (demo or installation), sign-in, the main window, and the lock
 * screen over it. Owns the open store's {@link Services}, the {@link Session}, and from sign-in to sign-out the
 * laptop's {@link SyncAgent}, whose state the status bar and the Synchronisation page watch.
 */
public final class AppFlow {

    private static final Logger LOG = LoggerFactory.getLogger(AppFlow.class);
    private static final String ICONS = "/fr/convergence/terrain/app/icons/terrain-%d.png";

    private final Stage stage;
    private final AppConfig config;
    private final Function<SyncAgent, PageRegistry> pages;
    private final Session session = new Session();
    private final StackPane root = new StackPane();
    private Services services;
    private boolean demo;
    private String worksiteName = "";
    private MainWindowView mainWindow;
    private SyncAgent sync;
    private Consumer<String> screenListener = screen -> { };
    private boolean startupReported;

    /** @param pages the main window's pages around the signed-in user's sync ({@link TerrainPages#standard}) */
    public AppFlow(Stage stage, AppConfig config, Function<SyncAgent, PageRegistry> pages) {
        this.stage = stage;
        this.config = config;
        this.pages = pages;
    }

    /** Shows the window and the first screen; the store opens on the background executor. */
    public void start() {
        Scene scene = new Scene(root, initialWidth(), initialHeight());
        scene.getStylesheets().add(getClass().getResource(Styles.STYLESHEET).toExternalForm());
        new IdleLock(session, config.idleLock()).watch(scene);
        session.lockedProperty().addListener((obs, was, locked) -> {
            if (locked) {
                showSignIn(session.user());
            }
        });
        stage.setScene(scene);
        stage.setTitle(I18n.t("app.name"));
        stage.setMinWidth(980);
        stage.setMinHeight(600);
        loadIcons();
        root.getChildren().setAll(new Label(I18n.t("app.opening")));
        stage.show();
        config.executor().run(this::openExisting, this::afterOpen, e -> showError(UserMessages.of(e)));
    }

    /** The store opened at start, or why it did not. */
    private record Opening(Optional<Services> services, OpeningFailure failure) {
    }

    /**
     * The store to reopen: the real one if installed, else the demo one if made, else none (first start). A store
     * that does not open (damaged, newer version) is said, with its backups, and nothing else is tried.
     */
    private Opening openExisting() throws Exception {
        Path realStore = config.dataFolder().realStore();
        try {
            // Before any store, even at a first start: without SQLite nothing opens, and the screen says why.
            Services.requireSqlite();
        } catch (StoreException e) {
            return new Opening(Optional.empty(), LocalBackups.failure(realStore, e));
        }
        if (Files.exists(realStore)) {
            Services real;
            try {
                real = Services.open(realStore, config.hasher(), config.clock());
            } catch (StoreException e) {
                return new Opening(Optional.empty(), LocalBackups.failure(realStore, e));
            }
            if (real.auth().hasUsers()) {
                return new Opening(Optional.of(real), null);
            }
            real.close();
        }
        Path demoStore = config.dataFolder().demoStore();
        if (Files.exists(demoStore)) {
            Services demoServices;
            try {
                demoServices = Services.open(demoStore, config.demoHasher(), config.clock());
            } catch (StoreException e) {
                return new Opening(Optional.empty(), LocalBackups.failure(demoStore, e));
            }
            // Only a whole demo (its marker is written last): one cut short by an earlier version is made again
            // from the welcome screen.
            if (demoServices.workstation().demo()) {
                return new Opening(Optional.of(demoServices), null);
            }
            demoServices.close();
        }
        return new Opening(Optional.empty(), null);
    }

    private void afterOpen(Opening opening) {
        if (opening.failure() != null) {
            showDamaged(opening.failure());
            return;
        }
        afterOpen(opening.services());
    }

    /** The store did not open: what happened, and its backups to restore one. */
    private void showDamaged(OpeningFailure failure) {
        DamagedStoreViewModel viewModel = new DamagedStoreViewModel(failure, config, (restored, aside) ->
                use(restored, () -> showSignIn(null)));
        show(new DamagedStoreView(viewModel).root(), "damaged");
        viewModel.load();
    }

    private void afterOpen(Optional<Services> opened) {
        if (opened.isPresent()) {
            use(opened.get(), () -> showSignIn(null));
        } else {
            showWelcome();
        }
    }

    /** Adopts an open store: reads its worksite and demo marker, then continues. */
    private void use(Services opened, Runnable then) {
        if (services != null && services != opened) {
            services.close();
        }
        services = opened;
        config.executor().run(() -> new StoreFacts(opened.workstation().demo(),
                opened.workstation().worksite().map(Worksite::name).orElse("")), facts -> {
                    demo = facts.demo;
                    worksiteName = facts.worksiteName;
                    stage.setTitle(demo ? placed("window.title.demo", "window.title.demo.noPlace")
                            : placed("window.title", "window.title.noPlace"));
                    then.run();
                    // The screen shown (sign-in, most often) was read without the query library; it loads now, on the
                    // background executor, while the person types, so that signing in does not wait for it.
                    config.executor().run(() -> {
                        opened.prepareQueries();
                        return null;
                    }, done -> { }, e -> LOG.warn("Preparing the store's queries failed", e));
                }, e -> showError(UserMessages.of(e)));
    }

    private record StoreFacts(boolean demo, String worksiteName) {
    }

    /** The text of {@code key} naming the laptop's worksite, or {@code noPlace} without one (a territory's laptop). */
    private String placed(String key, String noPlace) {
        return worksiteName == null || worksiteName.isBlank() ? I18n.t(noPlace) : I18n.t(key, worksiteName);
    }

    public void showWelcome() {
        WelcomeViewModel viewModel = new WelcomeViewModel(config, opened -> use(opened, () -> showSignIn(null)),
                this::showSetup);
        show(new WelcomeView(viewModel).root(), "welcome");
    }

    public void showSetup() {
        signOut();
        if (services != null) {
            services.close();
            services = null;
        }
        stage.setTitle(I18n.t("app.name"));
        SetupViewModel viewModel = new SetupViewModel(config, (opened, user) -> use(opened, () -> signedIn(user)));
        show(new SetupView(viewModel, this::showWelcome).root(), "setup");
    }

    private void showSignIn(User lockedUser) {
        SignInViewModel viewModel = new SignInViewModel(services.auth(), config.executor(), lockedUser,
                this::signedIn);
        String subtitle = demo ? placed("signin.subtitle.demo", "signin.subtitle.demo.noPlace")
                : placed("signin.subtitle", "signin.subtitle.noPlace");
        String hint = demo ? I18n.t("signin.demoHint", DemoDataGenerator.DEMO_PASSWORD) : null;
        show(new SignInView(viewModel, subtitle, hint, demo ? this::showSetup : null, !demo).root(),
                lockedUser == null ? "signin" : "locked");
        reportStartup();
    }

    private void signedIn(User user) {
        User before = session.user();
        session.signIn(user);
        if (mainWindow != null && before != null && before.id().equals(user.id())) {
            show(mainWindow.root(), "main");
            return;
        }
        stopSync();
        sync = new SyncAgent(new SyncService(services.syncStore(), SyncService.http()), session, config.executor(),
                config.network(), config.scheduler(), config.clock(), AppFlow::onFxThread);
        PageRegistry registry = pages.apply(sync);
        MainWindowViewModel viewModel = new MainWindowViewModel(services, session, config.executor(), demo,
                sync.state().summaryProperty());
        mainWindow = new MainWindowView(viewModel, registry,
                navigation -> new PageContext(services, session, config.executor(), config.clock(), navigation),
                this::switchUser, this::showSetup);
        show(mainWindow.root(), "main");
        // The automatic sync starts at sign-in, without waiting for the Synchronisation page to be opened.
        sync.start();
        if (!demo) {
            Services signedInto = services;
            config.executor().run(() -> {
                signedInto.backupIfFirstSignInToday();
                return null;
            }, done -> { }, e -> LOG.warn("Daily backup failed", e));
        }
        mainWindow.open(registry.pages().get(0).id());
    }

    /** Two clicks from any page: this button, then the other person's name. */
    public void switchUser() {
        signOut();
        showSignIn(null);
    }

    private void signOut() {
        session.signOut();
        mainWindow = null;
        stopSync();
    }

    private void stopSync() {
        if (sync != null) {
            sync.stop();
            sync = null;
        }
    }

    /** Progress of a sync comes from the network thread; the state changes on the JavaFX thread. */
    private static void onFxThread(Runnable update) {
        if (Platform.isFxApplicationThread()) {
            update.run();
        } else {
            Platform.runLater(update);
        }
    }

    private void show(Parent screen, String name) {
        root.getChildren().setAll(screen);
        screenListener.accept(name);
    }

    private void showError(String message) {
        Label label = new Label(message);
        label.setWrapText(true);
        label.getStyleClass().add(Styles.ERROR);
        show(label, "error");
    }

    /** Logs the time from JVM start to the first sign-in screen (the cold start benchmark reads it). */
    private void reportStartup() {
        if (startupReported) {
            return;
        }
        startupReported = true;
        Scene scene = stage.getScene();
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.info("Sign-in screen shown {} ms after JVM start", millis);
            if (Boolean.getBoolean("terrain.bench")) {
                System.out.println("TERRAIN_STARTUP_MS=" + millis);
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    private void loadIcons() {
        for (int size : new int[] {16, 32, 48, 256}) {
            try (InputStream in = AppFlow.class.getResourceAsStream(String.format(ICONS, size))) {
                if (in != null) {
                    stage.getIcons().add(new Image(in));
                }
            } catch (java.io.IOException e) {
                LOG.debug("Icon {} unreadable", size, e);
            }
        }
    }

    private static double initialWidth() {
        String size = System.getProperty("terrain.window.size");
        if (size != null && size.contains("x")) {
            return Double.parseDouble(size.substring(0, size.indexOf('x')));
        }
        Rectangle2D bounds = Screen.getPrimary().getVisualBounds();
        return Math.min(1280, bounds.getWidth());
    }

    private static double initialHeight() {
        String size = System.getProperty("terrain.window.size");
        if (size != null && size.contains("x")) {
            return Double.parseDouble(size.substring(size.indexOf('x') + 1));
        }
        Rectangle2D bounds = Screen.getPrimary().getVisualBounds();
        return Math.min(800, bounds.getHeight() - 30);
    }

    /** Called with "welcome", "setup", "signin", "locked", "main", "damaged" or "error" each time the screen changes. */
    public void onScreen(Consumer<String> listener) {
        this.screenListener = listener;
    }

    /** The open store's services (tests reach the store through them). */
    Services services() {
        return services;
    }

    public Session session() {
        return session;
    }

    /** The main window while someone is signed in (tests and screenshots navigate through it). */
    public MainWindowView mainWindow() {
        return mainWindow;
    }

    public void stop() {
        stopSync();
        config.network().shutdown();
        config.executor().shutdown();
        if (services != null) {
            services.close();
        }
    }
}
