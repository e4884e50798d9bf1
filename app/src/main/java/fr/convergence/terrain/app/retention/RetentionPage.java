package fr.convergence.terrain.app.retention;

import fr.convergence.terrain.app.common.Controls;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Styles;
import fr.convergence.terrain.app.shell.Page;
import fr.convergence.terrain.app.shell.PageContext;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.erasure.ErasureService;
import fr.convergence.terrain.core.erasure.RetentionService.FileRetention;
import fr.convergence.terrain.core.erasure.RetentionService.Stage;
import fr.convergence.terrain.core.erasure.RetentionService;
import fr.convergence.terrain.core.erasure.RetentionSettings;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Conservation des données (issue 14), for coordinators and administrators: the durations (an administrator may
 * shorten them, never lengthen them), every file archived or due for erasure today, and "Effacer les dossiers
 * échus", confirmed in place. The rules and their sources: docs/data-protection.md.
 */
public final class RetentionPage implements Page {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PageContext context;
    private final RetentionService retention;
    private final BorderPane root = new BorderPane();
    private final ObservableList<FileRetention> files = FXCollections.observableArrayList();
    /** True until the first review is read: the table says "Chargement…", not "no file". */
    private final javafx.beans.property.BooleanProperty loading = new javafx.beans.property.SimpleBooleanProperty(true);
    private final TextField archive = new TextField();
    private final TextField erase = new TextField();
    private final Label message = new Label();
    private final Label errors = new Label();
    private final Label confirmText = new Label();
    private final HBox confirmBox = new HBox(10);
    private final Button eraseDue = new Button(I18n.t("retention.eraseDue"));

    public RetentionPage(PageContext context) {
        this.context = context;
        this.retention = new RetentionService(context.services().workstation(), context.clock());
        root.getStyleClass().add(Styles.PAGE);
        root.setPadding(new Insets(12));
        Label title = new Label(I18n.t("retention.title"));
        title.getStyleClass().add(Styles.PAGE_TITLE);
        Label intro = new Label(I18n.t("retention.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.HINT);
        message.setId("retention-message");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.SUCCESS);
        errors.setId("retention-errors");
        errors.setWrapText(true);
        errors.getStyleClass().add(Styles.ERROR);

        boolean admin = context.user().role() == Role.ADMIN;
        archive.setId("retention-archive");
        erase.setId("retention-erase");
        archive.setPrefColumnCount(4);
        erase.setPrefColumnCount(4);
        archive.setEditable(admin);
        erase.setEditable(admin);
        Label archiveLabel = new Label(I18n.t("retention.archiveAfter",
                RetentionSettings.MAXIMUM.archiveAfterMonths()));
        archiveLabel.setLabelFor(archive);
        Label eraseLabel = new Label(I18n.t("retention.eraseAfter", RetentionSettings.MAXIMUM.eraseAfterMonths()));
        eraseLabel.setLabelFor(erase);
        Button save = new Button(I18n.t("retention.save"));
        save.setId("retention-save");
        save.setVisible(admin);
        save.setManaged(admin);
        save.setOnAction(e -> save());
        HBox settings = new HBox(10, archiveLabel, archive, eraseLabel, erase, save);
        settings.setAlignment(Pos.CENTER_LEFT);

        TableView<FileRetention> table = new TableView<>(files);
        table.setId("retention-table");
        table.setPlaceholder(Controls.placeholder(loading, I18n.t("retention.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Controls.textColumn(I18n.t("retention.column.name"), FileRetention::displayName, 200));
        table.getColumns().add(Controls.textColumn(I18n.t("retention.column.ended"), f -> day(f.supportEnded()),
                130));
        table.getColumns().add(Controls.textColumn(I18n.t("retention.column.archive"), f -> day(f.archiveOn()), 110));
        table.getColumns().add(Controls.textColumn(I18n.t("retention.column.erase"), f -> day(f.eraseOn()), 110));
        table.getColumns().add(Controls.textColumn(I18n.t("retention.column.stage"), f -> I18n.label(f.stage()), 120));

        eraseDue.setId("retention-erase-due");
        eraseDue.setOnAction(e -> askConfirmation());
        confirmText.setId("retention-confirm-text");
        confirmText.setWrapText(true);
        confirmText.getStyleClass().add(Styles.ERROR);
        Button confirm = new Button(I18n.t("retention.confirm"));
        confirm.setId("retention-confirm");
        confirm.getStyleClass().add(Styles.ACCENT);
        confirm.setOnAction(e -> eraseDueNow());
        Button cancel = new Button(I18n.t("common.cancel"));
        cancel.setId("retention-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> showConfirmation(false));
        confirmBox.getChildren().setAll(confirm, cancel);
        showConfirmation(false);

        Controls.collapseWhenEmpty(message, errors);
        VBox top = new VBox(8, title, intro, settings, message, errors);
        top.setPadding(new Insets(0, 0, 8, 0));
        root.setTop(top);
        root.setCenter(table);
        VBox bottom = new VBox(8, eraseDue, confirmText, confirmBox);
        bottom.setPadding(new Insets(8, 0, 0, 0));
        root.setBottom(bottom);
    }

    /** In the navigation for coordinators and administrators only. */
    public static boolean visibleTo(User user) {
        return ErasureService.mayErase(user);
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        refresh();
    }

    @Override
    public Node focusTarget() {
        return context.user().role() == Role.ADMIN ? archive : eraseDue;
    }

    private void refresh() {
        LocalDate today = retention.today();
        context.executor().run(() -> new Object[] {retention.settings(), retention.review(context.user(), today)},
                loaded -> {
                    RetentionSettings settings = (RetentionSettings) loaded[0];
                    archive.setText(String.valueOf(settings.archiveAfterMonths()));
                    erase.setText(String.valueOf(settings.eraseAfterMonths()));
                    @SuppressWarnings("unchecked")
                    List<FileRetention> review = (List<FileRetention>) loaded[1];
                    files.setAll(review.stream().filter(f -> f.stage() != Stage.ACTIVE).toList());
                    loading.set(false);
                    long due = review.stream().filter(f -> f.stage() == Stage.DUE_FOR_ERASURE).count();
                    eraseDue.setDisable(due == 0);
                }, this::failed);
    }

    private void save() {
        RetentionSettings wanted;
        try {
            wanted = new RetentionSettings(Integer.parseInt(archive.getText().strip()),
                    Integer.parseInt(erase.getText().strip()));
        } catch (NumberFormatException e) {
            errors.setText(I18n.t("retention.notANumber"));
            return;
        }
        context.executor().run(() -> retention.changeSettings(context.user(), wanted), verdict -> {
            errors.setText(verdict.isRefused() ? verdict.text() : "");
            message.setText(verdict.isRefused() ? "" : I18n.t("retention.saved"));
            refresh();
        }, this::failed);
    }

    private void askConfirmation() {
        long due = files.stream().filter(f -> f.stage() == Stage.DUE_FOR_ERASURE).count();
        confirmText.setText(I18n.t("retention.confirmText", due));
        showConfirmation(true);
        confirmBox.getChildren().get(0).requestFocus();
    }

    private void eraseDueNow() {
        LocalDate today = retention.today();
        context.executor().run(() -> retention.eraseDue(context.user(), today), erased -> {
            showConfirmation(false);
            message.setText(I18n.t("retention.erased", erased));
            context.session().changed();
            refresh();
        }, this::failed);
    }

    private void showConfirmation(boolean shown) {
        confirmText.setVisible(shown);
        confirmText.setManaged(shown);
        confirmBox.setVisible(shown);
        confirmBox.setManaged(shown);
    }

    private void failed(Throwable e) {
        loading.set(false);
        errors.setText(e.getMessage());
    }

    private static String day(LocalDate date) {
        return date == null ? "—" : DAY.format(date);
    }
}
