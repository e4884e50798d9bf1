package fr.convergence.terrain.app.participant;

import fr.convergence.terrain.app.common.Charts;
import fr.convergence.terrain.app.common.Controls;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Styles;
import fr.convergence.terrain.core.participant.ParticipantFile;
import fr.convergence.terrain.core.week.PhcStepLadder;
import java.io.File;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/** A participant's file: identity, parcours, PHC steps and their chart, exit and follow-ups, notes, referrals. */
final class ParticipantFileView {

    /** With no hours yet, the axis still goes up to the first PHC step's weekly hours. */
    private static final long SMALLEST_HOURS_AXIS = 4;

    private final BorderPane root = new BorderPane();
    private final ParticipantFileViewModel viewModel;

    ParticipantFileView(ParticipantFileViewModel viewModel, Node notes, String message, Runnable back,
                        Consumer<ParticipantFile> edit, Consumer<ParticipantFile> exit,
                        BiConsumer<String, Integer> nextStep, boolean mayErase,
                        Consumer<ParticipantFile> erase, Runnable newNote, Runnable newReferral) {
        this.viewModel = viewModel;
        Button backButton = new Button(I18n.t("file.back"));
        backButton.setId("file-back");
        backButton.setOnAction(e -> back.run());
        Label title = new Label();
        title.setId("file-title");
        title.getStyleClass().add(Styles.PAGE_TITLE);
        title.textProperty().bind(viewModel.titleProperty());
        Button editButton = new Button(I18n.t("file.edit"));
        editButton.setId("file-edit");
        editButton.disableProperty().bind(viewModel.fileProperty().isNull());
        editButton.setOnAction(e -> edit.accept(viewModel.fileProperty().get()));
        Button exitButton = new Button(I18n.t("file.exit"));
        exitButton.setId("file-exit");
        exitButton.disableProperty().bind(viewModel.canExitProperty().not());
        exitButton.setOnAction(e -> exit.accept(viewModel.fileProperty().get()));
        Button stepButton = new Button(I18n.t("file.nextStep"));
        stepButton.setId("file-next-step");
        stepButton.visibleProperty().bind(viewModel.phcProperty());
        stepButton.managedProperty().bind(stepButton.visibleProperty());
        stepButton.setOnAction(e -> {
            ParticipantFile file = viewModel.fileProperty().get();
            file.currentEnrolment().ifPresent(enrolment -> {
                List<fr.convergence.terrain.core.domain.PhcStep> steps =
                        file.stepsByEnrolment().getOrDefault(enrolment.id(), List.of());
                int current = steps.isEmpty() ? 0 : steps.get(steps.size() - 1).targetHours();
                PhcStepLadder.DEFAULT.next(current).ifPresent(next -> nextStep.accept(enrolment.id(), next));
            });
        });
        Button exportButton = new Button(I18n.t("file.access.export"));
        exportButton.setId("file-export-access");
        exportButton.visibleProperty().bind(viewModel.canExportProperty());
        exportButton.managedProperty().bind(exportButton.visibleProperty());
        exportButton.disableProperty().bind(viewModel.fileProperty().isNull().or(viewModel.exportingProperty()));
        // Coordinators and administrators only (ErasureService.mayErase): hidden for ESP and CIP.
        Button eraseButton = new Button(I18n.t("file.erase"));
        eraseButton.setId("file-erase");
        eraseButton.setVisible(mayErase);
        eraseButton.setManaged(mayErase);
        eraseButton.disableProperty().bind(viewModel.fileProperty().isNull());
        eraseButton.setOnAction(e -> erase.accept(viewModel.fileProperty().get()));
        // Straight from the file to a note or a referral for this person (the referral on its own page, person
        // chosen); no referral button for those who may not prepare one (ESP).
        Button noteButton = new Button(I18n.t("file.newNote"));
        noteButton.setId("file-new-note");
        noteButton.disableProperty().bind(viewModel.fileProperty().isNull());
        Button referralButton = new Button(I18n.t("file.newReferral"));
        referralButton.setId("file-new-referral");
        referralButton.setVisible(newReferral != null);
        referralButton.setManaged(newReferral != null);
        referralButton.disableProperty().bind(viewModel.fileProperty().isNull());
        if (newReferral != null) {
            referralButton.setOnAction(e -> newReferral.run());
        }
        HBox titleRow = new HBox(10, backButton, title);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        title.setWrapText(true);
        // The actions go on to a second line on a small screen rather than being cut.
        javafx.scene.layout.FlowPane actions = Controls.wrappingBar(noteButton, referralButton, stepButton,
                editButton, exitButton, exportButton, eraseButton);
        VBox header = new VBox(8, titleRow, actions);
        Label flash = new Label(message);
        flash.setId("file-message");
        flash.setWrapText(true);
        flash.getStyleClass().add(Styles.SUCCESS);
        flash.setManaged(!message.isEmpty());
        Label error = new Label();
        error.getStyleClass().add(Styles.ERROR);
        error.textProperty().bind(viewModel.errorProperty());
        // Said in the page, not in a dialog: the notes go to the person, and the exporter reads them first.
        Label confirmText = new Label();
        confirmText.setId("file-export-confirm-text");
        confirmText.setWrapText(true);
        Button chooseFolder = new Button(I18n.t("file.access.chooseFolder"));
        chooseFolder.setId("file-export-choose");
        chooseFolder.getStyleClass().add(Styles.ACCENT);
        Button cancel = new Button(I18n.t("file.access.cancel"));
        cancel.setId("file-export-cancel");
        HBox confirmButtons = new HBox(8, chooseFolder, cancel);
        VBox confirm = new VBox(6, confirmText, confirmButtons);
        confirm.setId("file-export-confirm");
        confirm.getStyleClass().add(Styles.CARD);
        confirm.setPadding(new Insets(8));
        confirm.setVisible(false);
        confirm.managedProperty().bind(confirm.visibleProperty());
        exportButton.setOnAction(e -> {
            confirmText.setText(I18n.t("file.access.confirm", viewModel.titleProperty().get()));
            confirm.setVisible(true);
        });
        cancel.setOnAction(e -> confirm.setVisible(false));
        chooseFolder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(I18n.t("file.access.folderTitle", viewModel.titleProperty().get()));
            chooser.setInitialDirectory(Controls.documentsFolder(
                    java.nio.file.Path.of(System.getProperty("user.home"))).toFile());
            File folder = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (folder != null) {
                confirm.setVisible(false);
                viewModel.exportPersonalData(folder.toPath());
            }
        });
        Label exportMessage = new Label();
        exportMessage.setId("file-export-message");
        exportMessage.setWrapText(true);
        exportMessage.getStyleClass().add(Styles.SUCCESS);
        exportMessage.textProperty().bind(viewModel.exportMessageProperty());
        exportMessage.managedProperty().bind(exportMessage.textProperty().isNotEmpty());
        VBox top = new VBox(6, header, flash, error, confirm, exportMessage);
        top.setPadding(new Insets(0, 0, 8, 0));

        GridPane identity = facts(viewModel.identity());
        GridPane enrolment = facts(viewModel.enrolment());
        VBox identityBox = section(I18n.t("file.section.identity"), identity);
        VBox enrolmentBox = section(I18n.t("file.section.enrolment"), enrolment,
                Controls.lineList(viewModel.steps(), I18n.t("file.none")));
        HBox.setHgrow(identityBox, Priority.ALWAYS);
        HBox.setHgrow(enrolmentBox, Priority.ALWAYS);
        HBox facts = new HBox(16, identityBox, enrolmentBox);

        CategoryAxis weeks = new CategoryAxis();
        NumberAxis hours = Charts.wholeNumberAxis(I18n.t("file.chart.hours"), 0, SMALLEST_HOURS_AXIS);
        LineChart<String, Number> chart = new LineChart<>(weeks, hours);
        chart.setId("file-chart");
        chart.setAnimated(false);
        // Told apart without colour too: the target dashed with square markers, the hours solid with round ones.
        chart.getStyleClass().add(Charts.HOURS_AGAINST_TARGET);
        chart.setPrefHeight(240);
        chart.setMinHeight(200);
        Label chartCaption = new Label();
        chartCaption.getStyleClass().add(Styles.HINT);
        viewModel.chart().addListener((ListChangeListener<ParticipantFileViewModel.ChartPoint>) change -> {
            XYChart.Series<String, Number> worked = new XYChart.Series<>();
            worked.setName(I18n.t("file.chart.worked"));
            XYChart.Series<String, Number> target = new XYChart.Series<>();
            target.setName(I18n.t("file.chart.target"));
            for (ParticipantFileViewModel.ChartPoint point : viewModel.chart()) {
                worked.getData().add(new XYChart.Data<>(point.week(), point.workedHours()));
                if (point.targetHours() != null) {
                    target.getData().add(new XYChart.Data<>(point.week(), point.targetHours()));
                }
            }
            double largest = viewModel.chart().stream().mapToDouble(p -> Math.max(p.workedHours(),
                    p.targetHours() == null ? 0 : p.targetHours())).max().orElse(0);
            Charts.rescale(hours, largest, SMALLEST_HOURS_AXIS);
            chart.getData().setAll(List.of(worked, target));
            chartCaption.setText(viewModel.chartCaption());
        });
        VBox chartBox = section(I18n.t("file.section.chart"), chart, chartCaption);

        VBox exitBox = section(I18n.t("file.section.exit"),
                Controls.lineList(viewModel.exitAndFollowUps(), I18n.t("file.none")));
        VBox notesBox = section(I18n.t("file.section.notes"), notes);
        notesBox.setId("file-notes");
        VBox referralsBox = section(I18n.t("file.section.referrals"),
                Controls.lineList(viewModel.referrals(), I18n.t("file.none")));
        VBox content = new VBox(14, facts, chartBox, exitBox, notesBox, referralsBox);
        content.setPadding(new Insets(4, 12, 12, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        noteButton.setOnAction(e -> {
            newNote.run();
            javafx.application.Platform.runLater(() -> {
                content.layout();
                double range = content.getHeight() - scroll.getViewportBounds().getHeight();
                if (range > 0) {
                    scroll.setVvalue(Math.min(1, notesBox.getBoundsInParent().getMinY() / range));
                }
                javafx.scene.Node text = notesBox.lookup("#note-text");
                if (text != null) {
                    text.requestFocus();
                }
            });
        });
        root.setTop(top);
        root.setCenter(scroll);
        root.setPadding(new Insets(12));
    }

    private static GridPane facts(ObservableList<ParticipantFileViewModel.Fact> facts) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        Runnable fill = () -> {
            grid.getChildren().clear();
            int row = 0;
            for (ParticipantFileViewModel.Fact fact : facts) {
                Label label = new Label(fact.label());
                label.getStyleClass().add(Styles.HINT);
                Label value = new Label(fact.value());
                value.setWrapText(true);
                grid.addRow(row++, label, value);
            }
        };
        facts.addListener((ListChangeListener<ParticipantFileViewModel.Fact>) c -> fill.run());
        fill.run();
        return grid;
    }

    private static VBox section(String title, Node... content) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.SECTION_TITLE);
        VBox box = new VBox(6, label);
        box.getChildren().addAll(content);
        box.getStyleClass().add(Styles.CARD);
        box.setPadding(new Insets(10));
        return box;
    }

    Parent root() {
        return root;
    }

    ParticipantFileViewModel viewModel() {
        return viewModel;
    }
}
