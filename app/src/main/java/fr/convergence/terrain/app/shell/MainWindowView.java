package fr.convergence.terrain.app.shell;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Styles;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window: demo banner, header with the user and the lock / switch-user buttons, left navigation built
 * from the {@link PageRegistry}, the current page, and the status bar.
 */
public final class MainWindowView implements PageContext.Navigation {

    private final BorderPane root = new BorderPane();
    private final StackPane centre = new StackPane();
    private final PageRegistry registry;
    private final PageContext context;
    private final Map<String, Page> built = new HashMap<>();
    private final Map<String, ToggleButton> buttons = new LinkedHashMap<>();
    private final ToggleGroup group = new ToggleGroup();
    private String current;

    public MainWindowView(MainWindowViewModel viewModel, PageRegistry registry, PageContextFactory contextFactory,
                          Runnable switchUser, Runnable installWorkstation) {
        this.registry = registry;
        this.context = contextFactory.create(this);

        VBox top = new VBox();
        if (viewModel.demoProperty().get()) {
            Label banner = new Label(I18n.t("demo.banner"));
            banner.setWrapText(true);
            banner.setMaxWidth(Double.MAX_VALUE);
            Button install = new Button(I18n.t("demo.install"));
            install.setOnAction(e -> installWorkstation.run());
            HBox bannerBox = new HBox(12, banner, install);
            HBox.setHgrow(banner, Priority.ALWAYS);
            bannerBox.setAlignment(Pos.CENTER_LEFT);
            bannerBox.getStyleClass().add(Styles.DEMO_BANNER);
            bannerBox.setId("demo-banner");
            top.getChildren().add(bannerBox);
        }
        Label appName = new Label(I18n.t("app.name"));
        appName.getStyleClass().add("app-name");
        Label user = new Label();
        user.textProperty().bind(viewModel.userNameProperty());
        user.setId("current-user");
        Button lock = new Button(I18n.t("header.lock"));
        lock.setId("lock-button");
        lock.setOnAction(e -> viewModel.lock());
        Button switchButton = new Button(I18n.t("header.switchUser"));
        switchButton.setId("switch-user-button");
        switchButton.setOnAction(e -> switchUser.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, appName, spacer, user, lock, switchButton);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(Styles.HEADER);
        top.getChildren().add(header);
        root.setTop(top);

        VBox nav = new VBox(4);
        nav.getStyleClass().add(Styles.NAV);
        int index = 1;
        for (PageDefinition page : registry.pages()) {
            if (!page.visibleTo().test(context.user())) {
                continue;
            }
            ToggleButton button = new ToggleButton(I18n.t(page.labelKey()));
            button.setId("nav-" + page.id());
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.getStyleClass().add(Styles.NAV_BUTTON);
            button.setOnAction(e -> open(page.id()));
            button.setFocusTraversable(false);
            buttons.put(page.id(), button);
            nav.getChildren().add(button);
            if (index <= 9) {
                String id = page.id();
                KeyCode digit = KeyCode.getKeyCode(Integer.toString(index));
                root.sceneProperty().addListener((obs, was, scene) -> {
                    if (scene != null) {
                        scene.getAccelerators().put(new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN),
                                () -> open(id));
                    }
                });
            }
            index++;
        }
        root.setLeft(nav);
        root.setCenter(centre);
        centre.getStyleClass().add("centre");

        Label store = new Label();
        store.textProperty().bind(viewModel.storeTextProperty());
        store.setId("status-store");
        Label userStatus = new Label();
        userStatus.textProperty().bind(viewModel.userTextProperty());
        userStatus.setId("status-user");
        Label sync = new Label();
        sync.textProperty().bind(viewModel.syncSummaryProperty());
        sync.setId("status-sync");
        Region statusSpacer = new Region();
        HBox.setHgrow(statusSpacer, Priority.ALWAYS);
        HBox status = new HBox(18, store, statusSpacer, userStatus, sync);
        status.setPadding(new Insets(4, 10, 4, 10));
        status.getStyleClass().add(Styles.STATUS_BAR);
        root.setBottom(status);
        root.sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN),
                        viewModel::lock);
            }
        });
        viewModel.refreshStatus();
    }

    /** Builds the page context given this window as the navigation. */
    @FunctionalInterface
    public interface PageContextFactory {
        PageContext create(PageContext.Navigation navigation);
    }

    public Parent root() {
        return root;
    }

    /** A page already built (after it was opened once), for tests and screenshots. */
    public java.util.Optional<Page> page(String pageId) {
        return java.util.Optional.ofNullable(built.get(pageId));
    }

    public String currentPage() {
        return current;
    }

    @Override
    public void open(String pageId) {
        PageDefinition definition = registry.find(pageId).filter(p -> p.visibleTo().test(context.user()))
                .orElseThrow(() -> new IllegalArgumentException("Unknown page " + pageId));
        Page page = built.computeIfAbsent(pageId, id -> definition.factory().apply(context));
        current = pageId;
        buttons.get(pageId).setSelected(true);
        centre.getChildren().setAll(page.view());
        page.shown();
        Node focus = page.focusTarget();
        if (focus != null) {
            Platform.runLater(focus::requestFocus);
        }
    }

    @Override
    public void open(String pageId, Object argument) {
        open(pageId);
        Page page = built.get(pageId);
        if (page instanceof ArgumentPage argumentPage) {
            argumentPage.open(argument);
        }
    }
}
