package fr.convergence.terrain.app.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** Small control helpers that every page needs, written once. */
public final class Controls {

    private Controls() {
    }

    /** Shows values with {@code label} in combo boxes and choice boxes (nothing for no value); never parses. */
    public static <T> StringConverter<T> labels(Function<T, String> label) {
        return labels("", label);
    }

    /** {@link #labels(Function)} for a choice whose empty value means something, e.g. "Tous les partenaires". */
    public static <T> StringConverter<T> labels(String whenNone, Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? whenNone : label.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }

    /** A read-only text column of a table, its cells computed from each row. */
    public static <R> TableColumn<R, String> textColumn(String title, Function<R, String> value, double width) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /**
     * A table's or list's placeholder that tells loading from empty: "Chargement…" with a progress indicator while
     * {@code loading} is true, {@code whenEmpty} afterwards. Without it, a page reading in the background says
     * "nobody here" for a second before showing its rows.
     */
    public static Node placeholder(ObservableBooleanValue loading, String whenEmpty) {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(28, 28);
        Label loadingLabel = new Label(I18n.t("common.loading"));
        VBox loadingBox = new VBox(8, progress, loadingLabel);
        loadingBox.setAlignment(Pos.CENTER);
        loadingBox.getStyleClass().add("loading-placeholder");
        Label empty = new Label(whenEmpty);
        empty.setWrapText(true);
        empty.getStyleClass().add("empty-placeholder");
        loadingBox.visibleProperty().bind(Bindings.createBooleanBinding(loading::get, loading));
        empty.visibleProperty().bind(loadingBox.visibleProperty().not());
        return new StackPane(loadingBox, empty);
    }

    /**
     * A column of wrapped text lines that follows {@code lines}; {@code whenEmpty} (a hint) shows when there are
     * none, or nothing when it is null.
     */
    public static VBox lineList(ObservableList<String> lines, String whenEmpty) {
        VBox box = new VBox(3);
        Runnable fill = () -> {
            box.getChildren().clear();
            if (lines.isEmpty() && whenEmpty != null) {
                Label none = new Label(whenEmpty);
                none.getStyleClass().add(Styles.HINT);
                box.getChildren().add(none);
            }
            for (String line : lines) {
                Label label = new Label(line);
                label.setWrapText(true);
                box.getChildren().add(label);
            }
        };
        lines.addListener((ListChangeListener<String>) change -> fill.run());
        fill.run();
        return box;
    }

    /**
     * The system's "save as" dialog over {@code owner}'s window, with a suggested name and one file type; empty when
     * the person cancels.
     */
    public static Optional<Path> chooseFileToSave(Node owner, String title, String suggestedName, String typeLabel,
                                                  String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(typeLabel, pattern));
        File file = chooser.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        return Optional.ofNullable(file).map(File::toPath);
    }
}
