package fr.convergence.terrain.app.shell;

import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A navigation entry whose feature is not built yet: says what will come and when. */
public final class PlaceholderPage implements Page {

    private final VBox view;

    public PlaceholderPage(String titleKey, String bodyKey) {
        Label title = new Label(I18n.t(titleKey));
        title.getStyleClass().add(Styles.PAGE_TITLE);
        Label body = new Label(I18n.t(bodyKey));
        body.setWrapText(true);
        body.setMaxWidth(640);
        body.setId("placeholder-body");
        view = new VBox(16, title, body);
        view.setPadding(new Insets(24));
        view.getStyleClass().add(Styles.PAGE);
    }

    @Override
    public Node view() {
        return view;
    }
}
