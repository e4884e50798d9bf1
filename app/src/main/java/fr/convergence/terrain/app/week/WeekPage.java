package fr.convergence.terrain.app.week;

import fr.convergence.terrain.app.common.Controls;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Styles;
import fr.convergence.terrain.app.common.WorksiteChoice;
import fr.convergence.terrain.app.common.WorksiteChooser;
import fr.convergence.terrain.app.shell.Page;
import fr.convergence.terrain.app.shell.PageContext;
import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.text.NameOrder;
import fr.convergence.terrain.core.verdict.Severity;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The week view: participants in rows, Monday to Sunday in columns, entered from the keyboard like a
 * spreadsheet. Binds to {@link WeekViewModel}; never touches the store.
 */
public final class WeekPage implements Page {

    /** Where the selection goes after a commit. */
    enum Move { NONE, STAY, UP, DOWN, LEFT, RIGHT }

    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);

    private final WeekViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final TableView<WeekRowModel> table = new TableView<>();
    private final ContextMenu kindMenu = new ContextMenu();
    private String initialText;
    private boolean loadedOnce;

    public WeekPage(PageContext context) {
        this(new WeekViewModel(context.services().week(), context.session(), context.executor(), context.clock(),
                new WorksiteChoice(context.services().workstation())));
    }

    public WeekPage(WeekViewModel viewModel) {
        this.viewModel = viewModel;
        root.getStyleClass().add(Styles.PAGE);
        root.setTop(toolbar());
        root.setCenter(table());
        root.setBottom(messages());
        root.setPadding(new Insets(10, 12, 6, 12));
        viewModel.setCopyConfirmation(this::confirmCopy);
    }

    /**
     * Asks before copying the previous week: how many day cells, for whom, what stays; a box to replace the filled
     * ones too. Annuler is the default button, so a stray Enter copies nothing. Empty: cancelled; else "replace".
     */
    private Optional<Boolean> confirmCopy(WeekViewModel.CopyQuestion question) {
        ButtonType copy = new ButtonType(I18n.t("week.copy.ask.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(I18n.t("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", copy, cancel);
        if (root.getScene() != null) {
            alert.initOwner(root.getScene().getWindow());
        }
        alert.setTitle(question.title());
        alert.setHeaderText(question.header());
        Label details = new Label(question.details());
        details.setId("week-copy-details");
        details.setWrapText(true);
        CheckBox replace = new CheckBox(question.replaceLabel());
        replace.setId("week-copy-replace");
        replace.setWrapText(true);
        VBox content = new VBox(10, details);
        if (question.alreadyFilled() > 0) {
            content.getChildren().add(replace);
        }
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setPrefWidth(560);
        Button copyButton = (Button) alert.getDialogPane().lookupButton(copy);
        copyButton.setId("week-copy-confirm");
        copyButton.setDefaultButton(false);
        // Nothing to fill and nothing ticked: copying would do nothing.
        copyButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> question.toFill() == 0 && !replace.isSelected(), replace.selectedProperty()));
        ((Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        return alert.showAndWait().filter(copy::equals).map(answer -> replace.isSelected());
    }

    private Node toolbar() {
        Button previous = new Button(I18n.t("week.previous"));
        previous.setId("week-previous");
        previous.setOnAction(e -> viewModel.previousWeek());
        Button next = new Button(I18n.t("week.next"));
        next.setId("week-next");
        next.setOnAction(e -> viewModel.nextWeek());
        Button today = new Button(I18n.t("week.today"));
        today.setId("week-today");
        today.setOnAction(e -> viewModel.currentWeek());
        Label label = new Label();
        label.setId("week-label");
        label.getStyleClass().add(Styles.PAGE_TITLE);
        label.textProperty().bind(viewModel.weekLabelProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(viewModel.busyProperty());
        HBox navigation = new HBox(8, previous, today, next, label, progress);
        navigation.setAlignment(Pos.CENTER_LEFT);

        TextField filter = new TextField();
        filter.setId("week-filter");
        filter.setPromptText(I18n.t("week.filter"));
        filter.textProperty().bindBidirectional(viewModel.filterProperty());
        filter.setPrefWidth(220);
        Label count = new Label();
        count.textProperty().bind(viewModel.countTextProperty());
        Button copy = new Button(I18n.t("week.copy"));
        copy.setId("week-copy");
        copy.setTooltip(new Tooltip(I18n.t("week.copy.tooltip")));
        copy.setOnAction(e -> viewModel.copyPreviousWeek());
        Button undo = new Button(I18n.t("week.undo"));
        undo.setId("week-undo");
        undo.disableProperty().bind(viewModel.canUndoProperty().not());
        undo.setOnAction(e -> viewModel.undo());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, new WorksiteChooser(viewModel.worksiteChoice(), "week-worksite"), filter, count,
                spacer, copy, undo);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(8, navigation, actions);
        top.setPadding(new Insets(0, 0, 8, 0));
        return top;
    }

    private Node table() {
        table.setId("week-table");
        table.setEditable(true);
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Controls.placeholder(viewModel.loadingProperty(), I18n.t("week.empty")));

        TableColumn<WeekRowModel, String> name = new TableColumn<>(I18n.t("week.column.name"));
        name.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().name()));
        name.setComparator(NameOrder.TEXT);
        name.setPrefWidth(210);
        name.setEditable(false);
        TableColumn<WeekRowModel, String> target = new TableColumn<>(I18n.t("week.column.target"));
        target.setCellValueFactory(row -> row.getValue().targetProperty());
        target.setPrefWidth(105);
        target.setEditable(false);
        table.getColumns().add(name);
        table.getColumns().add(target);
        for (int i = 0; i < 7; i++) {
            int day = i;
            TableColumn<WeekRowModel, DayCell> column = new TableColumn<>();
            column.textProperty().bind(viewModel.dayHeaderProperty(i));
            column.setCellValueFactory(row -> row.getValue().dayProperty(day));
            column.setCellFactory(col -> new HoursTableCell(day, this, col));
            column.setSortable(false);
            column.setPrefWidth(day < 5 ? 104 : 84);
            column.setId("day-" + day);
            table.getColumns().add(column);
        }
        TableColumn<WeekRowModel, String> total = new TableColumn<>(I18n.t("week.column.total"));
        total.setCellValueFactory(row -> row.getValue().totalProperty());
        total.setComparator((a, b) -> 0);
        total.setSortable(false);
        total.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
                getStyleClass().remove(Styles.TOTAL_OVER);
                WeekRowModel row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row != null && row.overTargetProperty().get()) {
                    getStyleClass().add(Styles.TOTAL_OVER);
                }
            }
        });
        total.setPrefWidth(80);
        total.setEditable(false);
        table.getColumns().add(total);

        SortedList<WeekRowModel> sorted = new SortedList<>(viewModel.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);

        for (HoursKind kind : HoursKind.values()) {
            MenuItem item = new MenuItem(KindLabels.menuLabel(kind));
            item.setOnAction(e -> editFocused(HoursCell.letter(kind).isEmpty() ? "" : HoursCell.letter(kind) + " "));
            kindMenu.getItems().add(item);
        }
        table.setContextMenu(kindMenu);
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::onTableKey);
        table.addEventHandler(KeyEvent.KEY_TYPED, this::onTableTyped);
        return table;
    }

    private Node messages() {
        Label message = new Label();
        message.setId("week-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        viewModel.messageSeverityProperty().addListener((obs, was, severity) -> style(message, severity));
        Label help = new Label(I18n.t("week.help"));
        help.setWrapText(true);
        help.getStyleClass().add(Styles.HINT);
        VBox box = new VBox(4, message, help);
        box.setPadding(new Insets(6, 0, 0, 0));
        box.setMinHeight(Region.USE_PREF_SIZE);
        return box;
    }

    private static void style(Label label, Severity severity) {
        label.getStyleClass().removeAll(Styles.ERROR, Styles.WARNING, Styles.SUCCESS);
        label.getStyleClass().add(switch (severity) {
            case REFUSED -> Styles.ERROR;
            case WARNING -> Styles.WARNING;
            case OK -> Styles.SUCCESS;
        });
    }

    private void onTableKey(KeyEvent event) {
        if (table.getEditingCell() != null) {
            return;
        }
        TablePosition<WeekRowModel, ?> focused = table.getFocusModel().getFocusedCell();
        int day = dayOf(focused);
        if (UNDO.match(event)) {
            event.consume();
            viewModel.undo();
            return;
        }
        switch (event.getCode()) {
            case TAB -> {
                event.consume();
                if (focused != null && focused.getRow() >= 0) {
                    move(focused.getRow(), Math.max(day, 0), event.isShiftDown() ? Move.LEFT : Move.RIGHT);
                }
            }
            case ENTER -> {
                event.consume();
                if (focused != null && focused.getRow() >= 0) {
                    move(focused.getRow(), Math.max(day, 0), event.isShiftDown() ? Move.UP : Move.DOWN);
                }
            }
            case F2 -> {
                event.consume();
                editFocused(null);
            }
            case DELETE, BACK_SPACE -> {
                if (day >= 0 && focused.getRow() >= 0) {
                    event.consume();
                    viewModel.commit(table.getItems().get(focused.getRow()), day, "");
                }
            }
            case CONTEXT_MENU -> {
                event.consume();
                showKindMenu();
            }
            case F10 -> {
                if (event.isShiftDown()) {
                    event.consume();
                    showKindMenu();
                }
            }
            default -> {
            }
        }
    }

    private void onTableTyped(KeyEvent event) {
        if (table.getEditingCell() != null || event.isShortcutDown() || event.isAltDown()) {
            return;
        }
        String typed = event.getCharacter();
        if (typed == null || typed.isEmpty() || Character.isISOControl(typed.charAt(0)) || typed.equals(" ")) {
            return;
        }
        TablePosition<WeekRowModel, ?> focused = table.getFocusModel().getFocusedCell();
        if (focused == null || focused.getRow() < 0) {
            return;
        }
        if (dayOf(focused) < 0) {
            select(focused.getRow(), 0);
        }
        event.consume();
        editFocused(typed);
    }

    private void showKindMenu() {
        kindMenu.show(table, Side.TOP, 40, 80);
    }

    /** Starts editing the focused day cell, with {@code text} typed in it (null: the cell's value). */
    private void editFocused(String text) {
        TablePosition<WeekRowModel, ?> focused = table.getFocusModel().getFocusedCell();
        if (focused == null || focused.getRow() < 0 || dayOf(focused) < 0) {
            return;
        }
        initialText = text;
        table.edit(focused.getRow(), focused.getTableColumn());
        initialText = null;
    }

    /** The text that started the current edit, used once by the cell that starts editing. */
    String takeInitialText() {
        String text = initialText;
        initialText = null;
        return text;
    }

    void commit(WeekRowModel row, int dayIndex, String text) {
        viewModel.commit(row, dayIndex, text);
    }

    /** Selects the cell next to ({@code row}, day) in the direction of {@code move} and gives the table focus. */
    void move(int row, int dayIndex, Move move) {
        if (move == Move.NONE) {
            return;
        }
        int rows = table.getItems().size();
        int newRow = row;
        int newDay = dayIndex;
        switch (move) {
            case UP -> newRow = Math.max(0, row - 1);
            case DOWN -> newRow = Math.min(rows - 1, row + 1);
            case LEFT -> {
                if (dayIndex > 0) {
                    newDay = dayIndex - 1;
                } else if (row > 0) {
                    newRow = row - 1;
                    newDay = 6;
                }
            }
            case RIGHT -> {
                if (dayIndex < 6) {
                    newDay = dayIndex + 1;
                } else if (row < rows - 1) {
                    newRow = row + 1;
                    newDay = 0;
                }
            }
            default -> {
            }
        }
        select(newRow, newDay);
    }

    /** Selects and focuses one day cell. */
    public void select(int row, int dayIndex) {
        if (row < 0 || row >= table.getItems().size()) {
            return;
        }
        TableColumn<WeekRowModel, ?> column = table.getColumns().get(2 + dayIndex);
        table.getSelectionModel().clearAndSelect(row, column);
        table.getFocusModel().focus(row, column);
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            var first = flow.getFirstVisibleCell();
            var last = flow.getLastVisibleCell();
            if (first == null || last == null || row <= first.getIndex() || row >= last.getIndex()) {
                flow.scrollTo(row);
            }
        }
        table.requestFocus();
    }

    private static int dayOf(TablePosition<WeekRowModel, ?> position) {
        if (position == null || position.getTableColumn() == null || position.getColumn() < 2) {
            return -1;
        }
        int day = position.getColumn() - 2;
        return day < 7 ? day : -1;
    }

    public WeekViewModel viewModel() {
        return viewModel;
    }

    public TableView<WeekRowModel> tableView() {
        return table;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        if (!loadedOnce) {
            loadedOnce = true;
            viewModel.setAfterLoad(() -> {
                if (!table.getItems().isEmpty()
                        && dayOf(table.getFocusModel().getFocusedCell()) < 0) {
                    select(Math.max(0, table.getFocusModel().getFocusedIndex()), 0);
                }
            });
            viewModel.start();
        } else {
            viewModel.reload();
        }
    }

    @Override
    public Node focusTarget() {
        return table;
    }
}
