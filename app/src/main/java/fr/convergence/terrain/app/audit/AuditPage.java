package fr.convergence.terrain.app.audit;

import fr.convergence.terrain.app.common.Controls;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Styles;
import fr.convergence.terrain.app.shell.Page;
import fr.convergence.terrain.app.shell.PageContext;
import fr.convergence.terrain.core.audit.AuditJournal;
import fr.convergence.terrain.core.domain.AuditAction;
import fr.convergence.terrain.core.domain.User;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * Journal d'accès: who signed in, opened a file, printed or exported, changed an account, on the worksites the
 * coordinator (or administrator) oversees. Filters on one line that wraps (1366×768), the table, the CSV export.
 * Shown in the navigation to coordinators and administrators only; the journal itself refuses anyone else.
 */
public final class AuditPage implements Page {

    private final AuditViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final ComboBox<String> person = new ComboBox<>();

    public AuditPage(PageContext context) {
        this(new AuditViewModel(context.services().audit(), context.session(), context.executor(), context.clock()));
    }

    AuditPage(AuditViewModel viewModel) {
        this.viewModel = viewModel;
        Label title = new Label(I18n.t("audit.title"));
        title.getStyleClass().add(Styles.PAGE_TITLE);
        Label intro = new Label(I18n.t("audit.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.HINT);

        person.setId("audit-person");
        person.setPromptText(I18n.t("audit.person.all"));
        person.setConverter(Controls.labels(I18n.t("audit.person.all"), p -> p));
        fillWithNone(person.getItems(), viewModel.people());
        viewModel.people().addListener((ListChangeListener<String>) c -> fillWithNone(person.getItems(),
                viewModel.people()));
        person.valueProperty().bindBidirectional(viewModel.personProperty());

        ComboBox<AuditViewModel.ParticipantChoice> participant = Controls.personPicker(
                FXCollections.observableArrayList(), AuditViewModel.ParticipantChoice::name,
                I18n.t("audit.participant.all"));
        participant.setId("audit-participant");
        fillWithNone(participant.getItems(), viewModel.participants());
        viewModel.participants().addListener((ListChangeListener<AuditViewModel.ParticipantChoice>) c ->
                fillWithNone(participant.getItems(), viewModel.participants()));
        participant.valueProperty().bindBidirectional(viewModel.participantProperty());

        ComboBox<AuditAction> action = new ComboBox<>();
        action.setId("audit-action");
        action.setConverter(Controls.labels(I18n.t("audit.action.all"), I18n::label));
        List<AuditAction> actions = new ArrayList<>();
        actions.add(null);
        actions.addAll(Arrays.asList(AuditAction.values()));
        action.setItems(FXCollections.observableArrayList(actions));
        action.valueProperty().bindBidirectional(viewModel.actionProperty());

        TextField from = dateField("audit-from");
        from.textProperty().bindBidirectional(viewModel.fromProperty());
        TextField to = dateField("audit-to");
        to.textProperty().bindBidirectional(viewModel.toProperty());
        Button search = new Button(I18n.t("audit.search"));
        search.setId("audit-search");
        search.getStyleClass().add(Styles.ACCENT);
        search.setDefaultButton(true);
        search.disableProperty().bind(viewModel.busyProperty());
        search.setOnAction(e -> viewModel.search());
        Button export = new Button(I18n.t("audit.export"));
        export.setId("audit-export");
        export.disableProperty().bind(viewModel.busyProperty());
        export.setOnAction(e -> chooseExportFile());
        FlowPane filters = new FlowPane(8, 8, labelled("audit.person", person), labelled("audit.participant",
                participant), labelled("audit.action", action), labelled("audit.from", from),
                labelled("audit.to", to), search, export);
        filters.setAlignment(Pos.BOTTOM_LEFT);

        Label summary = new Label();
        summary.setId("audit-summary");
        summary.textProperty().bind(viewModel.summaryProperty());
        Label message = new Label();
        message.setId("audit-message");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.SUCCESS);
        message.textProperty().bind(viewModel.messageProperty());
        Label errors = new Label();
        errors.setId("audit-errors");
        errors.setWrapText(true);
        errors.getStyleClass().add(Styles.ERROR);
        errors.textProperty().bind(viewModel.errorsProperty());
        Controls.collapseWhenEmpty(message, errors);
        VBox top = new VBox(8, title, intro, filters, summary, message, errors);
        top.setPadding(new Insets(0, 0, 8, 0));

        TableView<AuditViewModel.Row> table = new TableView<>(viewModel.rows());
        table.setId("audit-table");
        table.setPlaceholder(Controls.placeholder(viewModel.loadingProperty(), I18n.t("audit.empty")));
        table.getColumns().add(Controls.textColumn(I18n.t("audit.column.when"), AuditViewModel.Row::when, 130));
        table.getColumns().add(Controls.textColumn(I18n.t("audit.column.person"), AuditViewModel.Row::person, 190));
        table.getColumns().add(Controls.textColumn(I18n.t("audit.column.action"), AuditViewModel.Row::action, 200));
        table.getColumns().add(Controls.textColumn(I18n.t("audit.column.participant"),
                AuditViewModel.Row::participant, 190));
        table.getColumns().add(Controls.textColumn(I18n.t("audit.column.detail"), AuditViewModel.Row::detail, 260));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        root.setTop(top);
        root.setCenter(table);
        root.setPadding(new Insets(12));
        root.getStyleClass().add(Styles.PAGE);
    }

    /** Who sees the page in the navigation: coordinators and administrators. */
    public static boolean visibleTo(User user) {
        return AuditJournal.canRead(user);
    }

    /** The choices, after an empty one that means "all". */
    private static <T> void fillWithNone(ObservableList<T> items, List<T> choices) {
        List<T> all = new ArrayList<>();
        all.add(null);
        all.addAll(choices);
        items.setAll(all);
    }

    private static Node labelled(String key, Node control) {
        Label label = new Label(I18n.t(key));
        label.setLabelFor(control);
        return new VBox(2, label, control);
    }

    private static TextField dateField(String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(9);
        field.setPromptText(I18n.t("form.datePrompt"));
        return field;
    }

    private void chooseExportFile() {
        Controls.chooseFileToSave(root, I18n.t("audit.export.title"), viewModel.suggestedFileName(),
                I18n.t("report.export.filter"), "*.csv").ifPresent(viewModel::export);
    }

    public AuditViewModel viewModel() {
        return viewModel;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        viewModel.load();
    }

    @Override
    public Node focusTarget() {
        return person;
    }
}
