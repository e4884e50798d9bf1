package fr.convergence.terrain.app.print;

import fr.convergence.terrain.core.pdf.PageFlow;
import fr.convergence.terrain.core.pdf.PrintFormats;
import java.time.LocalDate;

/**
 * The one page that keeps a laptop's recovery key (ADR 0005): what it is for, the key in large monospace groups
 * that line up when copied back, the worksite and the day, and where to keep it — under lock, away from the laptop.
 */
final class RecoveryKeyDocument {

    private static final float KEY_SIZE = 26;
    private static final int GROUPS_PER_LINE = 4;

    private final PageFlow flow;
    private final String key;
    private final String worksiteName;
    private final LocalDate day;

    RecoveryKeyDocument(PageFlow flow, String key, String worksiteName, LocalDate day) {
        this.flow = flow;
        this.key = key;
        this.worksiteName = worksiteName;
        this.day = day;
    }

    void write(String footer) {
        flow.startSection(PageFlow.PORTRAIT, null, footer);
        float top = flow.y();
        flow.text(PrintTexts.text("recoverySheet.title"), flow.left(), top - 18, flow.fonts.bold, 18,
                PageFlow.ACCENT);
        flow.moveDown(26);
        for (String line : flow.wrap(PrintTexts.text("recoverySheet.subtitle", worksiteName, PrintFormats.date(day)),
                flow.fonts.bold, 13, flow.width())) {
            flow.moveDown(16);
            flow.text(line, flow.left(), flow.y(), flow.fonts.bold, 13, PageFlow.INK);
        }
        flow.moveDown(8);
        flow.paragraph(PrintTexts.text("recoverySheet.purpose"), flow.fonts.regular, 10.5f, PageFlow.INK);
        flow.heading(PrintTexts.text("recoverySheet.key"), 120);
        keyBox();
        flow.paragraph(PrintTexts.text("recoverySheet.typing"), flow.fonts.regular, 9, PageFlow.MUTED);
        flow.heading(PrintTexts.text("recoverySheet.keep"), 40);
        flow.paragraph(PrintTexts.text("recoverySheet.keep.text"), flow.fonts.bold, 10.5f, PageFlow.INK);
        flow.heading(PrintTexts.text("recoverySheet.renew"), 40);
        flow.paragraph(PrintTexts.text("recoverySheet.renew.text"), flow.fonts.regular, 10.5f, PageFlow.INK);
    }

    /**
     * The key on two lines of four groups, centred in a shaded box; the first line ends with its dash so that the
     * key reads (and copies) as one.
     */
    private void keyBox() {
        String[] groups = key.split("-");
        String first = String.join("-", java.util.Arrays.copyOfRange(groups, 0, Math.min(GROUPS_PER_LINE,
                groups.length)));
        String second = groups.length > GROUPS_PER_LINE ? String.join("-",
                java.util.Arrays.copyOfRange(groups, GROUPS_PER_LINE, groups.length)) : "";
        if (!second.isEmpty()) {
            first = first + "-";
        }
        float leading = KEY_SIZE * 1.5f;
        float height = leading * (second.isEmpty() ? 1 : 2) + 24;
        flow.moveDown(6);
        float boxTop = flow.y();
        flow.fillRect(flow.left(), boxTop - height, flow.width(), height, PageFlow.SHADE);
        flow.strokeRect(flow.left(), boxTop - height, flow.width(), height, PageFlow.ACCENT, 1.2f);
        float centre = (flow.left() + flow.right()) / 2;
        float baseline = boxTop - 12 - KEY_SIZE;
        // Both lines start at the same x so that the groups stand in columns (the second line is one dash shorter).
        float x = centre - flow.width(first, flow.fonts.mono(), KEY_SIZE) / 2;
        flow.text(first, x, baseline, flow.fonts.mono(), KEY_SIZE, PageFlow.INK);
        if (!second.isEmpty()) {
            flow.text(second, x, baseline - leading, flow.fonts.mono(), KEY_SIZE, PageFlow.INK);
        }
        flow.moveDown(height + 4);
    }
}
