package fr.convergence.terrain.app.common;

import fr.convergence.terrain.core.text.SearchText;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;

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

    /**
     * The one way to pick a person (a worksite holds up to 350): a combo box that filters its list as you type — every
     * word typed, in any order, accents and case ignored ("helene aub" finds « Aubert Hélène ») — and takes the
     * highlighted name on Enter. {@code whenNone} names the empty choice ("Toutes les personnes"), or is null.
     */
    public static <T> SearchableComboBox<T> personPicker(ObservableList<T> people, Function<T, String> name,
                                                         String whenNone) {
        SearchableComboBox<T> picker = new SearchableComboBox<>(people);
        // The box filters on its converter's text: the name followed by its unaccented form, so that a name typed
        // without accents matches; the cells show the name only.
        picker.setConverter(labels(whenNone == null ? "" : whenNone, person -> {
            String shown = name.apply(person);
            String folded = SearchText.fold(shown);
            return folded.equals(shown.toLowerCase(java.util.Locale.ROOT)) ? shown : shown + " " + folded;
        }));
        picker.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(T person, boolean empty) {
                super.updateItem(person, empty);
                setText(empty ? null : person == null ? whenNone : name.apply(person));
            }
        });
        picker.setButtonCell(picker.getCellFactory().call(null));
        picker.setMaxWidth(Double.MAX_VALUE);
        return picker;
    }

    /**
     * A read-only text column of a table, its cells computed from each row. Its cells wrap a long text onto more
     * lines (the row grows) instead of cutting it, and the column never gets narrower than its title: a resize policy
     * that shrinks columns to fit a small screen would otherwise cut the header.
     */
    public static <R> TableColumn<R, String> textColumn(String title, Function<R, String> value, double width) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
        column.setCellFactory(c -> new WrappedTextCell<>(c));
        keepTitleWhole(column);
        column.setPrefWidth(Math.max(width, column.getMinWidth()));
        return column;
    }

    /** Gives a column at least the width of its title, so that no resize policy cuts the header. */
    public static void keepTitleWhole(TableColumn<?, ?> column) {
        column.setMinWidth(Math.max(column.getMinWidth(), textWidth(column.getText()) + HEADER_PADDING));
    }

    /**
     * Makes {@code cell} draw its text with {@code text}, wrapped at its column's width in the cell's own colour and
     * font: a cell's label never wraps (the row asks its height for no width), a text node does, and the row grows.
     */
    public static void wrapAtColumnWidth(javafx.scene.control.Cell<?> cell, Text text, TableColumn<?, ?> column) {
        text.wrappingWidthProperty().bind(column.widthProperty().subtract(CELL_PADDING));
        text.fillProperty().bind(cell.textFillProperty());
        text.fontProperty().bind(cell.fontProperty());
        cell.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    /** A table cell whose text wraps at the column's width. */
    private static final class WrappedTextCell<R> extends TableCell<R, String> {
        private final Text text = new Text();

        WrappedTextCell(TableColumn<R, String> column) {
            wrapAtColumnWidth(this, text, column);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            text.setText(empty || item == null ? "" : item);
            // The text stays the cell's own too: what the table reads aloud and what tests look up.
            setText(empty ? null : item);
            setGraphic(empty ? null : text);
        }
    }

    /**
     * A row of filters and buttons that goes on to a second line when the window is too narrow, rather than cutting
     * the texts of its buttons and choices: each keeps the width its text needs.
     */
    public static FlowPane wrappingBar(Node... nodes) {
        FlowPane bar = new FlowPane(8, 6, nodes);
        bar.setAlignment(Pos.CENTER_LEFT);
        for (Node node : nodes) {
            if (node instanceof Region region && !(node instanceof TextInputControl)) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return bar;
    }

    /**
     * Message labels (saved, refused) that take no room while they say nothing: above a table, two empty ones would
     * keep a band of ≈ 50 px empty on a 768-pixel-high screen.
     */
    public static void collapseWhenEmpty(Labeled... labels) {
        for (Labeled label : labels) {
            label.managedProperty().bind(label.textProperty().isNotEmpty());
            label.visibleProperty().bind(label.managedProperty());
        }
    }

    /** A form's field label, wrapped onto more lines when its column is narrower than its text. */
    public static Label formLabel(String text, Node field) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setLabelFor(field);
        return label;
    }

    /** The text size of the application's stylesheet (terrain.css, .root). */
    private static final double STYLESHEET_FONT_SIZE = 13;

    /** Space between a cell's sides and its wrapped text. */
    private static final double CELL_PADDING = 12;

    /** Space around a table header's title (padding, sort arrow). */
    private static final double HEADER_PADDING = 24;

    private static double textWidth(String text) {
        Text measured = new Text(text == null ? "" : text);
        measured.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD,
                Math.max(STYLESHEET_FONT_SIZE, Font.getDefault().getSize())));
        return Math.ceil(measured.getLayoutBounds().getWidth());
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
     * Where the save dialogs open: the person's documents folder ({@code ~/Documents}, on Linux, Windows and macOS
     * alike) if it exists, else their home folder — not the folder the application was started from.
     */
    public static Path documentsFolder(Path home) {
        Path documents = home.resolve("Documents");
        return java.nio.file.Files.isDirectory(documents) ? documents : home;
    }

    /**
     * The system's "save as" dialog over {@code owner}'s window, with a suggested name and one file type; empty when
     * the person cancels.
     */
    public static Optional<Path> chooseFileToSave(Node owner, String title, String suggestedName, String typeLabel,
                                                  String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialDirectory(documentsFolder(Path.of(System.getProperty("user.home"))).toFile());
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(typeLabel, pattern));
        File file = chooser.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        return Optional.ofNullable(file).map(File::toPath);
    }
}
