package fr.convergence.terrain.app.account;

import fr.convergence.terrain.app.common.Controls;
import fr.convergence.terrain.app.common.I18n;
import fr.convergence.terrain.app.common.Styles;
import fr.convergence.terrain.app.print.PdfPrinter;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.security.PrivateFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The laptop's recovery key, shown once (ADR 0005): at installation and after « Nouvelle clé de secours… » on the
 * accounts page. The person writes it down or prints it (« Imprimer… »: a one-page PDF) before closing.
 */
public final class RecoveryKeyDialog {

    /** What the dialog shows and prints: the key, the laptop's worksite, and who prints it (the sheet's footer). */
    public record Shown(String key, String worksiteName, User printedBy, Clock clock, boolean demo) {
    }

    private RecoveryKeyDialog() {
    }

    /** Shows the key and waits until the dialog is closed. */
    public static void show(Window owner, Shown shown) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(I18n.t("recovery.dialog.title"));
        alert.setHeaderText(I18n.t("recovery.dialog.header"));
        TextField key = new TextField(shown.key());
        key.setId("recovery-key");
        key.setEditable(false);
        key.setStyle("-fx-font-family: monospace; -fx-font-size: 16px;");
        key.setPrefColumnCount(shown.key().length());
        Label why = new Label(I18n.t("recovery.dialog.why"));
        why.setWrapText(true);
        why.setMaxWidth(520);
        Label printed = new Label();
        printed.setId("recovery-key-printed");
        printed.setWrapText(true);
        printed.setMaxWidth(520);
        Button print = new Button(I18n.t("recovery.print"));
        print.setId("recovery-key-print");
        print.setOnAction(e -> {
            Optional<Path> chosen = Controls.chooseFileToSave(alert.getDialogPane(), I18n.t("recovery.print"),
                    fileName(shown.worksiteName()), "PDF", "*.pdf");
            if (chosen.isEmpty()) {
                return;
            }
            Path file = chosen.get();
            printed.getStyleClass().setAll("label");
            try {
                write(shown, file);
                printed.getStyleClass().add(Styles.SUCCESS);
                printed.setText(I18n.t("recovery.print.done", file.getFileName()));
            } catch (IOException | RuntimeException failure) {
                printed.getStyleClass().add(Styles.ERROR);
                printed.setText(I18n.t("recovery.print.failed", file.getFileName()));
            }
        });
        alert.getDialogPane().setContent(new VBox(12, why, key, new HBox(10, print), printed));
        alert.showAndWait();
    }

    /** Writes the one-page sheet of the key to {@code file} (a single page: it is made in memory first). */
    public static void write(Shown shown, Path file) throws IOException {
        byte[] pdf = new PdfPrinter(shown.printedBy(), shown.clock(), false, shown.demo())
                .recoveryKey(shown.key(), shown.worksiteName());
        PrivateFiles.write(file, pdf);
    }

    /** « cle-de-secours-abej-solidarite.pdf »: no accents nor spaces, whatever the file system. */
    public static String fileName(String worksiteName) {
        String plain = Normalizer.normalize(worksiteName == null ? "" : worksiteName, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return plain.isEmpty() ? "cle-de-secours.pdf" : "cle-de-secours-" + plain + ".pdf";
    }
}
