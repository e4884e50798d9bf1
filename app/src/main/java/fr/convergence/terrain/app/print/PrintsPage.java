package fr.convergence.terrain.app.print;

import fr.convergence.terrain.app.common.Controls;
import fr.convergence.terrain.app.shell.Page;
import fr.convergence.terrain.app.shell.PageContext;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.SupportNote;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.pdf.PrintFormats;
import fr.convergence.terrain.core.week.IsoWeek;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The "Impressions" page: choose a document on the left (follow-up sheet, batch of a worksite, attendance sheet,
 * referral form), see its pages on the right, then save it, print it or open it in the system's viewer.
 * Code-built; it only talks to its {@link PrintsViewModel}.
 */
public final class PrintsPage implements Page {

    /** Room on either side of a previewed page (the box's padding and the page's shadow). */
    private static final double PAGE_MARGIN = 40;

    private final PrintsViewModel model;
    private final BorderPane root = new BorderPane();

    /** The page in the main window: the signed-in user's worksites, the application's background thread. */
    public PrintsPage(PageContext context) {
        this(new PrintsViewModel(context.services().printCatalog(), context.services().participantFiles(),
                context.services().attendanceSheets(), context.services().referralForms(), context.user(),
                context.clock(), context.executor().asExecutor()));
    }

    public PrintsPage(PrintsViewModel model) {
        this.model = model;
        root.getStyleClass().add("prints-page");
        root.setLeft(choices());
        root.setCenter(preview());
        model.load();
    }

    @Override
    public Node view() {
        return root;
    }

    /** The page's state and actions (tests drive a save through it, as the save dialog would). */
    public PrintsViewModel model() {
        return model;
    }

    private static String t(String key, Object... args) {
        return PrintTexts.text(key, args);
    }

    private Node choices() {
        ComboBox<Worksite> worksite = combo(model.worksites(), Worksite::name);
        worksite.valueProperty().bindBidirectional(model.worksiteProperty());
        ComboBox<Participant> participant = Controls.personPicker(model.participants(), Participant::fullName, null);
        participant.setId("print-participant");
        participant.valueProperty().bindBidirectional(model.participantProperty());

        TabPane tabs = new TabPane(followUpTab(), attendanceTab(), referralTab());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        CheckBox pdfA = new CheckBox(t("page.pdfA"));
        pdfA.selectedProperty().bindBidirectional(model.pdfAProperty());
        VBox box = new VBox(8, new Label(t("page.worksite")), worksite, new Label(t("page.participant")), participant,
                tabs, new Separator(), pdfA);
        box.setPadding(new Insets(12));
        box.setPrefWidth(360);
        return box;
    }

    private Tab followUpTab() {
        ListView<SupportNote> notes = new ListView<>(model.notes());
        notes.setPrefHeight(160);
        notes.setPlaceholder(Controls.placeholder(model.detailsLoadingProperty(), t("page.noNotes")));
        notes.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SupportNote note, boolean empty) {
                super.updateItem(note, empty);
                if (empty || note == null) {
                    setGraphic(null);
                    return;
                }
                CheckBox box = new CheckBox(PrintFormats.date(note.date()) + " — " + note.theme().label() + " ("
                        + note.visibility().label() + ")");
                box.setWrapText(true);
                box.setSelected(false);
                box.selectedProperty().addListener((o, was, now) -> model.selectNote(note.id(), now));
                setGraphic(box);
            }
        });
        Button preview = new Button(t("page.previewFollowUp"));
        preview.setId("print-preview-follow-up");
        preview.setOnAction(e -> model.previewFollowUp());
        preview.setMaxWidth(Double.MAX_VALUE);
        CheckBox exited = new CheckBox(t("page.includeExited"));
        exited.selectedProperty().bindBidirectional(model.includeExitedProperty());
        exited.setWrapText(true);
        Button batch = new Button(t("page.batch"));
        batch.setOnAction(e -> model.batchFollowUps());
        batch.setMaxWidth(Double.MAX_VALUE);
        Label batchHint = new Label(t("page.batchHint"));
        batchHint.setWrapText(true);
        VBox box = new VBox(8, new Label(t("page.notesToInclude")), notes, preview, new Separator(), batchHint,
                exited, batch);
        box.setPadding(new Insets(10, 0, 0, 0));
        return new Tab(t("page.tabFollowUp"), box);
    }

    private Tab attendanceTab() {
        Label week = new Label();
        week.textProperty().bind(Bindings.createStringBinding(() -> label(model.weekProperty().get()),
                model.weekProperty()));
        week.setWrapText(true);
        Button previous = new Button("◀");
        previous.setOnAction(e -> model.previousWeek());
        Button next = new Button("▶");
        next.setOnAction(e -> model.nextWeek());
        HBox.setHgrow(week, Priority.ALWAYS);
        week.setMaxWidth(Double.MAX_VALUE);
        week.setAlignment(Pos.CENTER);
        HBox weekRow = new HBox(6, previous, week, next);
        weekRow.setAlignment(Pos.CENTER);
        ToggleGroup mode = new ToggleGroup();
        RadioButton blank = new RadioButton(t("page.blank"));
        RadioButton filled = new RadioButton(t("page.prefilled"));
        blank.setToggleGroup(mode);
        filled.setToggleGroup(mode);
        blank.setSelected(!model.prefilledProperty().get());
        filled.setSelected(model.prefilledProperty().get());
        filled.selectedProperty().addListener((o, was, now) -> model.prefilledProperty().set(now));
        Button preview = new Button(t("page.previewAttendance"));
        preview.setOnAction(e -> model.previewAttendance());
        preview.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(8, new Label(t("page.week")), weekRow, blank, filled, preview);
        box.setPadding(new Insets(10, 0, 0, 0));
        return new Tab(t("page.tabAttendance"), box);
    }

    private Tab referralTab() {
        ListView<Referral> referrals = new ListView<>(model.referrals());
        referrals.setPlaceholder(Controls.placeholder(model.detailsLoadingProperty(), t("page.noReferrals")));
        referrals.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Referral r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : PrintFormats.date(r.createdOn()) + " — " + r.partnerDisplayName()
                        + " (" + r.status().label() + ")");
            }
        });
        model.referralProperty().addListener((o, was, now) -> referrals.getSelectionModel().select(now));
        referrals.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.referralProperty().set(now);
            }
        });
        Button preview = new Button(t("page.previewReferral"));
        preview.setOnAction(e -> model.previewReferral());
        preview.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(8, new Label(t("page.referralsOf")), referrals, preview);
        box.setPadding(new Insets(10, 0, 0, 0));
        return new Tab(t("page.tabReferral"), box);
    }

    private Node preview() {
        Button save = new Button(t("page.save"));
        save.setOnAction(e -> save());
        Button print = new Button(t("page.print"));
        print.setOnAction(e -> print());
        Button open = new Button(t("page.open"));
        open.setOnAction(e -> model.openInSystemViewer());
        for (Button b : List.of(save, print, open)) {
            b.disableProperty().bind(model.hasDocumentProperty().not().or(model.busyProperty()));
        }
        Button stop = new Button(t("page.stop"));
        stop.setOnAction(e -> model.cancel());
        stop.visibleProperty().bind(model.busyProperty());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        // The status under the tool bar, wrapped: in the bar, a long one went behind the bar's « » » overflow menu.
        Label status = new Label();
        status.setId("print-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.setPadding(new Insets(4, 8, 4, 8));
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        status.visibleProperty().bind(status.managedProperty());
        ToolBar bar = new ToolBar(save, print, open, new Separator(), progress, stop);

        VBox pagesBox = new VBox(16);
        pagesBox.setId("print-pages");
        pagesBox.setAlignment(Pos.TOP_CENTER);
        pagesBox.setPadding(new Insets(16));
        pagesBox.setStyle("-fx-background-color: #d9dde2;");
        Label empty = new Label(t("page.emptyPreview"));
        pagesBox.getChildren().add(empty);
        ScrollPane scroll = new ScrollPane(pagesBox);
        scroll.setFitToWidth(true);
        model.pages().addListener((ListChangeListener<Image>) change -> {
            pagesBox.getChildren().clear();
            for (Image image : model.pages()) {
                ImageView view = new ImageView(image);
                view.setPreserveRatio(true);
                // As wide as the pane allows (a page's full width on a large screen, less on a laptop's).
                view.fitWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(100, Math.min(
                        Math.min(image.getWidth(), 900), scroll.getViewportBounds().getWidth() - PAGE_MARGIN)),
                        scroll.viewportBoundsProperty()));
                view.setStyle("-fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 8, 0, 0, 2);");
                pagesBox.getChildren().add(view);
            }
            if (model.pages().isEmpty()) {
                pagesBox.getChildren().add(empty);
            }
        });
        BorderPane pane = new BorderPane(scroll);
        pane.setTop(new VBox(bar, status));
        return pane;
    }

    private void save() {
        Controls.chooseFileToSave(root, t("page.saveTitle"), model.documentNameProperty().get(), "PDF", "*.pdf")
                .ifPresent(model::saveTo);
    }

    /** JavaFX printing: the system's dialog, then each page rendered at 150 dpi and scaled to the paper. */
    private void print() {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            model.openInSystemViewer();
            return;
        }
        if (!job.showPrintDialog(window())) {
            job.cancelJob();
            return;
        }
        Task<Boolean> printing = new Task<>() {
            @Override
            protected Boolean call() {
                PageLayout layout = job.getJobSettings().getPageLayout();
                for (Image page : model.printablePages()) {
                    ImageView view = new ImageView(page);
                    view.setPreserveRatio(true);
                    view.setFitWidth(layout.getPrintableWidth());
                    view.setFitHeight(layout.getPrintableHeight());
                    if (!job.printPage(layout, view)) {
                        return false;
                    }
                }
                return job.endJob();
            }
        };
        new Thread(printing, "impression").start();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private static String label(IsoWeek week) {
        String label = week.label();
        return Character.toUpperCase(label.charAt(0)) + label.substring(1) + " " + week.sunday().getYear();
    }

    private static <T> ComboBox<T> combo(javafx.collections.ObservableList<T> items, Function<T, String> text) {
        ComboBox<T> box = new ComboBox<>(items);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
        return box;
    }
}
