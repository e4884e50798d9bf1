package fr.convergence.terrain.app.participant;

import fr.convergence.terrain.app.common.Controls;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Styles;
import fr.convergence.terrain.core.erasure.ErasureReason;
import fr.convergence.terrain.core.erasure.ErasureService;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The confirmation of an erasure, shown in place of the file: what will be erased (per kind of data, how many), the
 * reason to choose, and that every laptop and the hub erase too at their next sync. Nothing is erased until the
 * reason is chosen and "Effacer définitivement" pressed; Échap cancels.
 */
final class ErasureView {

    private final VBox root = new VBox(12);
    private final ComboBox<ErasureReason> reason;

    ErasureView(ErasureService.Preview preview, Consumer<ErasureReason> onConfirm, Runnable onCancel) {
        Label title = new Label(I18n.t("erasure.title", preview.displayName()));
        title.getStyleClass().add(Styles.PAGE_TITLE);
        Label intro = new Label(I18n.t("erasure.intro"));
        intro.setWrapText(true);
        StringBuilder what = new StringBuilder();
        preview.rows().forEach((table, count) -> what.append("• ").append(ErasureService.label(table))
                .append("\u00a0: ").append(count).append('\n'));
        Label rows = new Label(what.toString().strip());
        rows.setId("erasure-what");
        rows.setWrapText(true);
        Label everywhere = new Label(I18n.t("erasure.everywhere"));
        everywhere.setId("erasure-everywhere");
        everywhere.setWrapText(true);
        everywhere.getStyleClass().add(Styles.ERROR);
        reason = new ComboBox<>(FXCollections.observableArrayList(ErasureReason.values()));
        reason.setId("erasure-reason");
        reason.setPromptText(I18n.t("erasure.reason.prompt"));
        reason.setConverter(Controls.labels(I18n::label));
        reason.setMaxWidth(Double.MAX_VALUE);
        Label reasonLabel = new Label(I18n.t("erasure.reason") + " *");
        reasonLabel.setLabelFor(reason);
        Button confirm = new Button(I18n.t("erasure.confirm"));
        confirm.setId("erasure-confirm");
        confirm.getStyleClass().add(Styles.ACCENT);
        confirm.disableProperty().bind(reason.valueProperty().isNull());
        confirm.setOnAction(e -> {
            confirm.disableProperty().unbind();
            confirm.setDisable(true);
            onConfirm.accept(reason.getValue());
        });
        Button cancel = new Button(I18n.t("common.cancel"));
        cancel.setId("erasure-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onCancel.run());
        VBox card = new VBox(12, title, intro, rows, everywhere, reasonLabel, reason, new HBox(10, confirm, cancel));
        card.getStyleClass().add(Styles.CARD);
        card.setPadding(new Insets(16));
        card.setMaxWidth(620);
        root.getChildren().add(card);
        root.setPadding(new Insets(12));
    }

    /** The reason is the first thing to choose: it gets the keyboard. */
    void focus() {
        reason.requestFocus();
    }

    Parent root() {
        return root;
    }
}
