package fr.convergence.terrain.app.week;

import fr.convergence.terrain.app.common.Controls;
import fr.convergence.terrain.app.common.Styles;
import java.util.List;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.text.Text;

/**
 * A day cell of the week table, edited like a spreadsheet cell: typing starts the edit, Enter / Tab / arrows
 * commit and move, Escape cancels, leaving the cell commits.
 */
final class HoursTableCell extends TableCell<WeekRowModel, DayCell> {

    private static final List<String> STATE_CLASSES = List.of(Styles.CELL_REFUSED, Styles.CELL_WARNING,
            Styles.CELL_PENDING, Styles.CELL_OUTSIDE, Styles.CELL_ABSENCE, Styles.CELL_OTHER_KIND);

    private final int dayIndex;
    private final WeekPage page;
    private final Text shown = new Text();
    private TextField editor;
    private boolean closing;

    HoursTableCell(int dayIndex, WeekPage page, TableColumn<WeekRowModel, DayCell> column) {
        this.dayIndex = dayIndex;
        this.page = page;
        getStyleClass().add("hours-cell");
        // "2 h + Abs. I 3 h" goes on to a second line in a narrow column rather than ending in « … ».
        Controls.wrapAtColumnWidth(this, shown, column);
    }

    @Override
    protected void updateItem(DayCell cell, boolean empty) {
        super.updateItem(cell, empty);
        getStyleClass().removeAll(STATE_CLASSES);
        if (empty || cell == null) {
            setText(null);
            setGraphic(null);
            setTooltip(null);
            return;
        }
        if (isEditing() && editor != null) {
            setText(null);
            setGraphic(editor);
        } else {
            show(cell.text());
        }
        switch (cell.state()) {
            case REFUSED -> getStyleClass().add(Styles.CELL_REFUSED);
            case WARNING -> getStyleClass().add(Styles.CELL_WARNING);
            case PENDING -> getStyleClass().add(Styles.CELL_PENDING);
            default -> {
                if (cell.absence()) {
                    getStyleClass().add(Styles.CELL_ABSENCE);
                } else if (cell.otherKind()) {
                    getStyleClass().add(Styles.CELL_OTHER_KIND);
                }
            }
        }
        if (cell.outside()) {
            getStyleClass().add(Styles.CELL_OUTSIDE);
        }
        setTooltip(cell.message().isEmpty() ? null : new Tooltip(cell.message()));
    }

    @Override
    public void startEdit() {
        if (isEmpty() || getItem() == null) {
            return;
        }
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        String initial = page.takeInitialText();
        editor = new TextField(initial != null ? initial : getItem().editText());
        editor.getStyleClass().add("hours-editor");
        editor.addEventFilter(KeyEvent.KEY_PRESSED, this::onEditorKey);
        editor.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && isEditing() && !closing) {
                close(true, WeekPage.Move.NONE);
            }
        });
        setText(null);
        setGraphic(editor);
        editor.requestFocus();
        if (initial != null) {
            editor.end();
        } else {
            editor.selectAll();
        }
    }

    private void onEditorKey(KeyEvent event) {
        KeyCode code = event.getCode();
        WeekPage.Move move = switch (code) {
            case ENTER -> event.isShiftDown() ? WeekPage.Move.UP : WeekPage.Move.DOWN;
            case TAB -> event.isShiftDown() ? WeekPage.Move.LEFT : WeekPage.Move.RIGHT;
            case UP -> WeekPage.Move.UP;
            case DOWN -> WeekPage.Move.DOWN;
            default -> null;
        };
        if (code == KeyCode.ESCAPE) {
            event.consume();
            close(false, WeekPage.Move.STAY);
        } else if (move != null) {
            event.consume();
            close(true, move);
        }
    }

    /** Leaves edit mode, committing the typed text or not, then moves like a spreadsheet. */
    private void close(boolean commit, WeekPage.Move move) {
        if (closing || editor == null) {
            return;
        }
        closing = true;
        String text = editor.getText();
        int row = getIndex();
        WeekRowModel model = getTableRow() == null ? null : getTableRow().getItem();
        try {
            cancelEdit();
        } finally {
            closing = false;
        }
        if (commit && model != null) {
            page.commit(model, dayIndex, text);
        }
        page.move(row, dayIndex, move);
    }

    @Override
    public void cancelEdit() {
        if (!closing && editor != null && isEditing()) {
            // The table ends the edit (a click elsewhere): keep what was typed, as a spreadsheet does.
            close(true, WeekPage.Move.NONE);
            return;
        }
        super.cancelEdit();
        editor = null;
        DayCell cell = getItem();
        show(cell == null ? null : cell.text());
    }

    /** Shows the stored text, wrapped (the text stays the cell's own for tests and accessibility). */
    private void show(String text) {
        shown.setText(text == null ? "" : text);
        setText(text);
        setGraphic(text == null ? null : shown);
    }

    int dayIndex() {
        return dayIndex;
    }
}
