package fr.convergence.terrain.app.common;

import fr.convergence.terrain.core.domain.Worksite;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/** The worksite combo box of the week and participant pages, present only for people who see several. */
public final class WorksiteChooser extends HBox {

    private final ComboBox<Worksite> combo;

    public WorksiteChooser(WorksiteChoice choice, String id) {
        super(6);
        combo = new ComboBox<>(choice.worksites());
        combo.setId(id);
        combo.setConverter(new StringConverter<>() {
            @Override
            public String toString(Worksite worksite) {
                return worksite == null ? "" : worksite.name();
            }

            @Override
            public Worksite fromString(String string) {
                return null;
            }
        });
        combo.setValue(choice.chosenProperty().get());
        choice.chosenProperty().addListener((obs, was, now) -> combo.setValue(now));
        combo.valueProperty().addListener((obs, was, now) -> choice.choose(now));
        combo.setPrefWidth(240);
        Label label = new Label(I18n.t("worksite.label"));
        label.setLabelFor(combo);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(label, combo);
        setAlignment(Pos.CENTER_LEFT);
        visibleProperty().bind(choice.severalProperty());
        managedProperty().bind(visibleProperty());
    }
}
