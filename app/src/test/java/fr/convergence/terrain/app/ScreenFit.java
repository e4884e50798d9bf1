package fr.convergence.terrain.app;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * Finds the texts a screen shows cut: every visible {@link Labeled} (labels, buttons, check boxes, links, table
 * headers and cells, list cells…) whose skin draws its text shortened with the ellipsis. The skin draws the text in a
 * {@code LabeledText} child; when it does not fit, that child holds the shortened text and the ellipsis.
 */
final class ScreenFit {

    private ScreenFit() {
    }

    /** "Button « Tous paliers PHC » shown as « Tous pali… »" for each cut text under {@code root}. */
    static List<String> cutTexts(Parent root) {
        List<String> cut = new ArrayList<>();
        collect(root, cut);
        return cut;
    }

    private static void collect(Node node, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled) {
            shownText(labeled).ifPresent(shown -> {
                String full = labeled.getText();
                if (full != null && !full.isEmpty() && !shown.equals(withoutMnemonic(labeled, full))) {
                    cut.add(labeled.getClass().getSimpleName()
                            + (labeled.getId() == null ? "" : "#" + labeled.getId())
                            + " « " + full + " » shown as « " + shown + " » (width " + Math.round(labeled.getWidth())
                            + ")");
                }
            });
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, cut);
            }
        }
    }

    private static java.util.Optional<String> shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getClass().getSimpleName().equals("LabeledText")) {
                return child.isVisible() ? java.util.Optional.ofNullable(text.getText()) : java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    /** The text as drawn when mnemonics are parsed: "_Fichier" is drawn "Fichier". */
    private static String withoutMnemonic(Labeled labeled, String text) {
        if (!labeled.isMnemonicParsing()) {
            return text;
        }
        int underscore = text.indexOf('_');
        if (underscore < 0 || underscore == text.length() - 1) {
            return text;
        }
        return text.substring(0, underscore) + text.substring(underscore + 1);
    }
}
