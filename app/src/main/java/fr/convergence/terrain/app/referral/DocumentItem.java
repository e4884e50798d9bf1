package fr.convergence.terrain.app.referral;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** One line of a referral's documents checklist: the document and whether it was provided. */
public final class DocumentItem {

    private final String name;
    private final BooleanProperty provided;

    public DocumentItem(String name, boolean provided) {
        this.name = name;
        this.provided = new SimpleBooleanProperty(this, "provided", provided);
    }

    public String name() {
        return name;
    }

    public BooleanProperty providedProperty() {
        return provided;
    }

    static List<DocumentItem> of(Map<String, Boolean> documents) {
        return documents.entrySet().stream().map(e -> new DocumentItem(e.getKey(), e.getValue())).toList();
    }

    static Map<String, Boolean> toMap(List<DocumentItem> items) {
        Map<String, Boolean> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(i.name(), i.providedProperty().get()));
        return map;
    }
}
