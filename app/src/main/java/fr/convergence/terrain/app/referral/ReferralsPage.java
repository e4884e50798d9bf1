package fr.convergence.terrain.app.referral;

import fr.convergence.terrain.app.common.Controls;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Styles;
import fr.convergence.terrain.app.shell.ArgumentPage;
import fr.convergence.terrain.app.shell.PageContext;
import fr.convergence.terrain.core.domain.Partner;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.domain.Worksite;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Orientations: the worksite's referrals with filters and the overdue ones highlighted, and in place of the list
 * the form to prepare one and the referral itself with its status moves. Open with a participant id to prepare
 * a referral for that person.
 */
public final class ReferralsPage implements ArgumentPage {

    /** CSS class of a table row whose referral waits on its partner for too long. */
    public static final String OVERDUE = "referral-overdue";
    static final String STYLESHEET = "/fr/convergence/terrain/app/referral/ReferralsPage.css";

    private final PageContext context;
    private final ReferralListViewModel list;
    private final StackPane root = new StackPane();
    private final BorderPane listView = new BorderPane();
    private final TableView<ReferralListViewModel.Line> table = new TableView<>();
    private final Label flash = new Label();

    public ReferralsPage(PageContext context) {
        this.context = context;
        this.list = new ReferralListViewModel(context.services().referrals(), context.session(), context.executor(),
                context.clock());
        buildList();
        root.getChildren().setAll(listView);
        root.getStyleClass().add(Styles.PAGE);
        root.getStylesheets().add(ReferralsPage.class.getResource(STYLESHEET).toExternalForm());
    }

    private void buildList() {
        Label title = new Label(I18n.t("orientation.title"));
        title.getStyleClass().add(Styles.PAGE_TITLE);
        ComboBox<Worksite> worksite = new ComboBox<>();
        worksite.setId("referral-worksite");
        worksite.setConverter(Controls.labels(I18n.t("orientation.filter.allWorksites"), w -> w.name()));
        list.worksites().addListener((javafx.collections.ListChangeListener<Worksite>) c -> {
            worksite.getItems().setAll(list.worksites());
            worksite.getItems().add(0, null);
        });
        worksite.visibleProperty().bind(javafx.beans.binding.Bindings.size(list.worksites()).greaterThan(1));
        worksite.managedProperty().bind(worksite.visibleProperty());
        worksite.valueProperty().bindBidirectional(list.worksiteProperty());
        ComboBox<Partner> partner = new ComboBox<>(withAll(Partner.values()));
        partner.setId("referral-partner-filter");
        partner.setConverter(Controls.labels(I18n.t("orientation.filter.allPartners"), p -> I18n.label(p)));
        partner.valueProperty().bindBidirectional(list.partnerProperty());
        ComboBox<ReferralStatus> status = new ComboBox<>(withAll(ReferralStatus.values()));
        status.setId("referral-status-filter");
        status.setConverter(Controls.labels(I18n.t("orientation.filter.allStatuses"), s -> I18n.label(s)));
        status.valueProperty().bindBidirectional(list.statusProperty());
        CheckBox overdue = new CheckBox(I18n.t("orientation.filter.overdue"));
        overdue.setId("referral-overdue-only");
        overdue.selectedProperty().bindBidirectional(list.overdueOnlyProperty());
        Button create = new Button(I18n.t("orientation.new"));
        create.setId("referral-new");
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(e -> showForm(null));
        Button open = new Button(I18n.t("orientation.open"));
        open.setId("referral-open");
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> openSelected());
        javafx.scene.layout.FlowPane filters = Controls.wrappingBar(worksite, partner, status, overdue, open, create);
        Label count = new Label();
        count.setId("referral-count");
        count.textProperty().bind(list.countProperty());
        flash.setId("referral-flash");
        flash.getStyleClass().add(Styles.SUCCESS);
        Label error = new Label();
        error.getStyleClass().add(Styles.ERROR);
        error.setWrapText(true);
        error.textProperty().bind(list.errorProperty());
        Controls.collapseWhenEmpty(flash, error);
        VBox top = new VBox(8, title, filters, count, flash, error);
        top.setPadding(new Insets(0, 0, 8, 0));

        table.setId("referral-table");
        table.setItems(list.lines());
        table.setPlaceholder(Controls.placeholder(list.loadingProperty(), I18n.t("orientation.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Controls.textColumn(I18n.t("orientation.column.participant"),
                ReferralListViewModel.Line::participant, 170));
        table.getColumns().add(Controls.textColumn(I18n.t("orientation.column.partner"), ReferralListViewModel.Line::partner, 170));
        table.getColumns().add(Controls.textColumn(I18n.t("orientation.column.status"), ReferralListViewModel.Line::status, 100));
        table.getColumns().add(Controls.textColumn(I18n.t("orientation.column.lastChange"),
                ReferralListViewModel.Line::lastChange, 110));
        table.getColumns().add(Controls.textColumn(I18n.t("orientation.column.waiting"), ReferralListViewModel.Line::waiting, 120));
        TableColumn<ReferralListViewModel.Line, String> worksiteColumn = Controls.textColumn(I18n.t("orientation.column.worksite"),
                ReferralListViewModel.Line::worksite, 150);
        worksiteColumn.visibleProperty().bind(worksite.visibleProperty());
        table.getColumns().add(worksiteColumn);
        table.getColumns().add(Controls.textColumn(I18n.t("orientation.column.purpose"), ReferralListViewModel.Line::purpose, 220));
        table.setRowFactory(t -> {
            TableRow<ReferralListViewModel.Line> row = new TableRow<>() {
                @Override
                protected void updateItem(ReferralListViewModel.Line item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().remove(OVERDUE);
                    if (!empty && item != null && item.overdue()) {
                        getStyleClass().add(OVERDUE);
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openDetail(row.getItem().referralId(), row.getItem().participant());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
        listView.setTop(top);
        listView.setCenter(table);
        listView.setPadding(new Insets(12));
    }

    private static <T> javafx.collections.ObservableList<T> withAll(T[] values) {
        javafx.collections.ObservableList<T> items = FXCollections.observableArrayList(values);
        items.add(0, null);
        return items;
    }

    private void openSelected() {
        ReferralListViewModel.Line selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            openDetail(selected.referralId(), selected.participant());
        }
    }

    private void showForm(String participantId) {
        ReferralFormViewModel form = new ReferralFormViewModel(context.services().referrals(), context.session(),
                context.executor());
        ReferralFormView view = new ReferralFormView(form, referral -> openDetail(referral.id(),
                form.participantProperty().get().fullName()), this::showList);
        root.getChildren().setAll(view.root());
        // A person asked for by name (from their file) is found whatever worksite the list is filtered on.
        form.load(participantId == null ? list.worksiteProperty().get() : null, participantId);
    }

    private void openDetail(String referralId, String participantName) {
        ReferralDetailViewModel detail = new ReferralDetailViewModel(context.services().referrals(),
                context.session(), context.executor(), context.clock());
        ReferralDetailView view = new ReferralDetailView(detail, this::showList);
        root.getChildren().setAll(view.root());
        detail.load(referralId, participantName);
    }

    private void showList() {
        root.getChildren().setAll(listView);
        list.search();
    }

    public ReferralListViewModel listViewModel() {
        return list;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        list.refresh();
    }

    @Override
    public void open(Object argument) {
        if (argument instanceof String participantId) {
            showForm(participantId);
        }
    }
}
