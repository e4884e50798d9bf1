package fr.convergence.terrain.app;

import fr.convergence.terrain.app.data.DataFolder;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.store.TerrainStore;
import java.util.function.Function;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;

/** Helpers for the notes, referrals and reports workflows, which start from the demo data. */
abstract class FeatureTestSupport extends AppTestSupport {

    /** Fills the demo store and signs in the demo user whose name starts with {@code namePrefix}. */
    void startDemoAs(String namePrefix) {
        clickOn("#welcome-demo");
        signIn(namePrefix, DemoDataGenerator.DEMO_PASSWORD);
    }

    /** Scrolls the page so that the node is visible, then clicks it like a user would. */
    void clickVisible(String query) {
        Node node = lookup(query).query();
        interact(() -> {
            for (Parent parent = node.getParent(); parent != null; parent = parent.getParent()) {
                if (parent instanceof ScrollPane scroll && scroll.getContent() != null) {
                    Node content = scroll.getContent();
                    Bounds bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                    double range = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
                    if (range > 0) {
                        scroll.setVvalue(Math.max(0, Math.min(1, (bounds.getMinY() - 40) / range)));
                    }
                    break;
                }
            }
        });
        clickOn(query);
    }

    @SuppressWarnings("unchecked")
    <T> void choose(String query, T value) {
        ComboBox<T> combo = lookup(query).queryAs(ComboBox.class);
        interact(() -> combo.setValue(value));
    }

    /** Reads the demo store the application wrote to, beside the running application (WAL allows it). */
    <T> T inDemoStore(Function<TerrainStore, T> read) {
        try (TerrainStore store = TerrainStore.open(new DataFolder(dataDir).demoStore(), clock())) {
            // The demo store is encrypted (ADR 0005): this second opening signs in like the application does.
            new fr.convergence.terrain.core.account.AuthService(store,
                    new fr.convergence.terrain.core.security.PasswordHasher(1000))
                    .signIn("admin", fr.convergence.terrain.core.demo.DemoDataGenerator.DEMO_PASSWORD.toCharArray())
                    .orElseThrow();
            return read.apply(store);
        }
    }
}
