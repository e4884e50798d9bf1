package fr.convergence.terrain.app.welcome;

import fr.convergence.terrain.app.common.Controls;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Styles;
import fr.convergence.terrain.app.data.LocalBackups.BackupFile;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The screen shown instead of the sign-in when the store does not open; see {@link DamagedStoreViewModel}. */
public final class DamagedStoreView {

    private final StackPane root = new StackPane();

    public DamagedStoreView(DamagedStoreViewModel viewModel) {
        Label title = new Label(viewModel.title());
        title.getStyleClass().add(Styles.PAGE_TITLE);
        Label explanation = new Label(viewModel.explanation());
        explanation.setId("damaged-explanation");
        explanation.setWrapText(true);
        VBox card = new VBox(16, title, explanation);
        if (viewModel.restoreHelps()) {
            ListView<BackupFile> backups = new ListView<>(viewModel.backups());
            backups.setId("damaged-backups");
            backups.setPrefHeight(190);
            backups.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(BackupFile item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : viewModel.describe(item));
                }
            });
            backups.setPlaceholder(new Label(I18n.t("damaged.noBackup")));
            viewModel.chosenProperty().addListener((obs, was, now) -> {
                if (now != null && backups.getSelectionModel().getSelectedItem() != now) {
                    backups.getSelectionModel().select(now);
                }
            });
            backups.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
                if (now != null) {
                    viewModel.chosenProperty().set(now);
                }
            });
            Button restore = new Button(I18n.t("damaged.restore"));
            restore.setId("damaged-restore");
            restore.getStyleClass().add(Styles.ACCENT);
            restore.disableProperty().bind(viewModel.busyProperty().or(viewModel.chosenProperty().isNull()));
            restore.setOnAction(e -> {
                if (confirmed(viewModel)) {
                    viewModel.restore();
                }
            });
            card.getChildren().addAll(Controls.formLabel(I18n.t("damaged.backups"), backups), backups, restore);
        }
        Label message = new Label();
        message.setId("damaged-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        card.getChildren().add(message);
        card.setPadding(new Insets(28));
        card.setMaxWidth(760);
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        card.getStyleClass().add(Styles.CARD);
        root.getChildren().add(card);
        root.getStyleClass().add("backdrop");
    }

    private boolean confirmed(DamagedStoreViewModel viewModel) {
        ButtonType restore = new ButtonType(I18n.t("damaged.restore.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(I18n.t("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, viewModel.confirmation(), restore, cancel);
        if (root.getScene() != null) {
            confirm.initOwner(root.getScene().getWindow());
        }
        confirm.setTitle(I18n.t("damaged.restore.title"));
        confirm.setHeaderText(I18n.t("damaged.restore.header"));
        confirm.getDialogPane().setId("damaged-confirm");
        return confirm.showAndWait().filter(restore::equals).isPresent();
    }

    public Parent root() {
        return root;
    }
}
