package fr.convergence.terrain.app.participant;

import fr.convergence.terrain.app.common.Controls;
import fr.convergence.terrain.app.common.Formats;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Styles;
import fr.convergence.terrain.app.common.WorksiteChoice;
import fr.convergence.terrain.app.common.WorksiteChooser;
import fr.convergence.terrain.app.note.NotesView;
import fr.convergence.terrain.app.note.NotesViewModel;
import fr.convergence.terrain.app.shell.ArgumentPage;
import fr.convergence.terrain.app.shell.PageContext;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.erasure.ErasureService;
import fr.convergence.terrain.core.participant.ParticipantFile;
import fr.convergence.terrain.core.participant.ParticipantQuery;
import fr.convergence.terrain.core.participant.ParticipantSummary;
import fr.convergence.terrain.core.week.PhcStepLadder;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Salarié·es: the searchable list, and from it a participant's file, the create / edit form and the exit form,
 * shown in place (no pop-up windows on small screens). Open with a participant id to show that file.
 */
public final class ParticipantsPage implements ArgumentPage {

    private final PageContext context;
    private final ParticipantListViewModel list;
    private final StackPane root = new StackPane();
    private final BorderPane listView = new BorderPane();
    private final TableView<ParticipantSummary> table = new TableView<>();
    private final TextField search = new TextField();
    private final Label flash = new Label();
    private ParticipantFileViewModel currentFile;

    public ParticipantsPage(PageContext context) {
        this.context = context;
        this.list = new ParticipantListViewModel(context.services().participants(), context.session(),
                context.executor(), new WorksiteChoice(context.services().workstation()));
        buildList();
        root.getChildren().setAll(listView);
        root.getStyleClass().add(Styles.PAGE);
    }

    private void buildList() {
        Label title = new Label(I18n.t("participants.title"));
        title.getStyleClass().add(Styles.PAGE_TITLE);
        search.setId("participants-search");
        search.setPromptText(I18n.t("participants.search"));
        search.textProperty().bindBidirectional(list.textProperty());
        search.setPrefWidth(260);
        ComboBox<Programme> programme = new ComboBox<>(FXCollections.observableArrayList(null, Programme.PHC,
                Programme.CVG));
        programme.setId("participants-programme");
        programme.setConverter(Controls.labels(I18n.t("participants.filter.allProgrammes"), p -> I18n.label(p)));
        programme.valueProperty().bindBidirectional(list.programmeProperty());
        ComboBox<ParticipantQuery.Status> status = new ComboBox<>(FXCollections.observableArrayList(null,
                ParticipantQuery.Status.ACTIVE, ParticipantQuery.Status.EXITED));
        status.setId("participants-status");
        status.setConverter(Controls.labels(I18n.t("participants.filter.allStatuses"),
                s -> s == ParticipantQuery.Status.ACTIVE ? I18n.t("participants.filter.active")
                : I18n.t("participants.filter.exited")));
        status.valueProperty().bindBidirectional(list.statusProperty());
        ComboBox<Integer> step = new ComboBox<>(FXCollections.observableArrayList());
        step.getItems().add(null);
        step.getItems().addAll(PhcStepLadder.DEFAULT.targets());
        step.setId("participants-step");
        step.setConverter(Controls.labels(I18n.t("participants.filter.allSteps"),
                s -> I18n.t("participants.filter.step", s)));
        step.valueProperty().bindBidirectional(list.stepProperty());
        Button create = new Button(I18n.t("participants.new"));
        create.setId("participants-new");
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(e -> {
            ParticipantFormViewModel form = new ParticipantFormViewModel(context.services().participants(),
                    context.session(), context.executor(), context.clock());
            list.worksiteChoice().chosenId().ifPresent(form::createOn);
            showForm(form);
        });
        Button open = new Button(I18n.t("participants.open"));
        open.setId("participants-open");
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> openSelected());
        FlowPane filters = Controls.wrappingBar(search, programme, status, step, open, create);
        Label count = new Label();
        count.setId("participants-count");
        count.textProperty().bind(list.countTextProperty());
        flash.setId("participants-flash");
        flash.getStyleClass().add(Styles.SUCCESS);
        flash.setWrapText(true);
        Label error = new Label();
        error.getStyleClass().add(Styles.ERROR);
        error.textProperty().bind(list.errorProperty());
        Region titleSpacer = new Region();
        HBox.setHgrow(titleSpacer, Priority.ALWAYS);
        HBox titleRow = new HBox(8, title, titleSpacer,
                new WorksiteChooser(list.worksiteChoice(), "participants-worksite"));
        titleRow.setAlignment(Pos.CENTER_LEFT);
        Controls.collapseWhenEmpty(flash, error);
        VBox top = new VBox(8, titleRow, filters, count, flash, error);
        top.setPadding(new Insets(0, 0, 8, 0));

        table.setId("participants-table");
        table.setItems(list.rows());
        table.setPlaceholder(Controls.placeholder(list.loadingProperty(), I18n.t("participants.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Controls.textColumn(I18n.t("participants.column.lastName"), s -> s.participant().lastName(), 170));
        table.getColumns().add(Controls.textColumn(I18n.t("participants.column.firstName"), s -> s.participant().firstName(),
                150));
        table.getColumns().add(Controls.textColumn(I18n.t("participants.column.programme"),
                s -> s.enrolment() == null ? "—" : I18n.label(s.enrolment().programme()), 150));
        table.getColumns().add(Controls.textColumn(I18n.t("participants.column.target"), s -> s.currentStep() != null
                ? I18n.t("week.target.phc", s.currentStep())
                : s.enrolment() != null && s.enrolment().weeklyHours() != null
                ? I18n.t("week.target.contract", s.enrolment().weeklyHours()) : "—", 120));
        table.getColumns().add(Controls.textColumn(I18n.t("participants.column.entry"),
                s -> s.enrolment() == null ? "—" : Formats.date(s.enrolment().entryDate()), 100));
        table.getColumns().add(Controls.textColumn(I18n.t("participants.column.status"), s -> s.active()
                ? I18n.t("participants.status.active")
                : s.enrolment() != null && s.enrolment().exitDate() != null
                ? I18n.t("participants.status.exited", Formats.date(s.enrolment().exitDate()))
                : "—", 160));
        table.setRowFactory(t -> {
            TableRow<ParticipantSummary> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openFile(row.getItem().participant().id());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
        // From the search, as a person types a name: Down goes to the list, Enter opens the one person found — on
        // the rows of what is typed, not those of the letters before it, still shown while the search runs.
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                boolean enter = e.getCode() == KeyCode.ENTER;
                e.consume();
                list.whenSettled(() -> fromSearch(enter));
            }
        });
        listView.setTop(top);
        listView.setCenter(table);
        listView.setPadding(new Insets(12));
    }

    private void fromSearch(boolean enter) {
        if (table.getItems().isEmpty()) {
            return;
        }
        if (enter && table.getItems().size() == 1) {
            table.getSelectionModel().select(0);
            openSelected();
            return;
        }
        if (table.getSelectionModel().isEmpty()) {
            table.getSelectionModel().select(0);
        }
        table.requestFocus();
    }

    private void openSelected() {
        ParticipantSummary selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            openFile(selected.participant().id());
        }
    }

    /** Shows a participant's file. */
    public void openFile(String participantId) {
        openFile(participantId, "");
    }

    private void openFile(String participantId, String message) {
        ParticipantFileViewModel file = new ParticipantFileViewModel(context.services().participantFiles(),
                context.services().rightOfAccess(), context.session(), context.executor(), context.clock());
        NotesViewModel notes = new NotesViewModel(context.services().notes(), context.session(), context.executor(),
                context.clock());
        ParticipantFileView view = new ParticipantFileView(file, new NotesView(notes).root(), message, this::showList,
                loaded -> showForm(new ParticipantFormViewModel(context.services().participants(), context.session(),
                        context.executor(), loaded)),
                loaded -> showExit(loaded),
                (enrolmentId, target) -> addStep(file, enrolmentId, target),
                ErasureService.mayErase(context.user()), this::showErasure, notes::startNew,
                AccessPolicy.readsWholeFile(context.user())
                        ? () -> context.navigation().open("referrals", participantId) : null);
        currentFile = file;
        root.getChildren().setAll(view.root());
        file.load(participantId);
        notes.load(participantId);
    }

    private void addStep(ParticipantFileViewModel file, String enrolmentId, int target) {
        context.executor().run(() -> context.services().participants().addStep(context.user(), enrolmentId, target,
                java.time.LocalDate.now(context.clock())), result -> {
                    if (result.saved()) {
                        context.session().changed();
                    }
                    file.reload();
                }, e -> file.reload());
    }

    private void showForm(ParticipantFormViewModel form) {
        ParticipantFormView view = new ParticipantFormView(form, id -> {
            context.session().changed();
            list.search();
            openFile(id);
        }, this::showList);
        root.getChildren().setAll(view.root());
        view.focus();
    }

    private void showExit(ParticipantFile file) {
        String enrolmentId = file.currentEnrolment().orElseThrow().id();
        String name = file.participant().firstName() + " " + file.participant().lastName();
        ExitViewModel exit = new ExitViewModel(context.services().participants(), context.session(),
                context.executor(), context.clock(), enrolmentId, name);
        ExitView view = new ExitView(exit, summary -> {
            context.session().changed();
            list.search();
            openFile(file.participant().id(), summary);
        }, () -> openFile(file.participant().id()));
        root.getChildren().setAll(view.root());
    }

    /** The erasure's confirmation in place of the file; confirmed, the person is erased and the list shown. */
    private void showErasure(ParticipantFile file) {
        String id = file.participant().id();
        ErasureService erasure = new ErasureService(context.services().workstation());
        context.executor().run(() -> erasure.preview(context.user(), id), preview -> {
            ErasureView view = new ErasureView(preview, reason -> context.executor().run(
                    () -> erasure.erase(context.user(), id, reason), removed -> {
                        context.session().changed();
                        showList();
                        flash.setText(I18n.t("erasure.done", preview.displayName()));
                    }, e -> openFile(id, "")), () -> openFile(id));
            root.getChildren().setAll(view.root());
            view.focus();
        }, e -> openFile(id, ""));
    }

    private void showList() {
        root.getChildren().setAll(listView);
        list.search();
        search.requestFocus();
    }

    /** The view model of the file shown last (null before any), for tests that stand in for a system dialog. */
    public ParticipantFileViewModel currentFile() {
        return currentFile;
    }

    public ParticipantListViewModel listViewModel() {
        return list;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        list.show();
    }

    @Override
    public Node focusTarget() {
        return listView.getParent() == root ? search : null;
    }

    @Override
    public void open(Object argument) {
        if (argument instanceof String participantId) {
            openFile(participantId);
        }
    }
}
