package fr.convergence.terrain.app.print;

import fr.convergence.terrain.core.pdf.PageFlow;
import java.util.List;

/** Boxes side by side in which each signer writes the date and signs; kept whole on one page. */
final class SignatureBlock {

    record Signer(String role, String name) {
    }

    private SignatureBlock() {
    }

    static void draw(PageFlow flow, List<Signer> signers, float height) {
        flow.ensure(height + 6);
        float gap = 14;
        float boxWidth = (flow.width() - gap * (signers.size() - 1)) / signers.size();
        float top = flow.y() - 4;
        for (int i = 0; i < signers.size(); i++) {
            float x = flow.left() + i * (boxWidth + gap);
            flow.strokeRect(x, top - height, boxWidth, height, PageFlow.RULE, 0.7f);
            float line = top - 13;
            for (String role : flow.wrap(signers.get(i).role(), flow.fonts.bold, 8.5f, boxWidth - 12)) {
                flow.text(role, x + 6, line, flow.fonts.bold, 8.5f, PageFlow.INK);
                line -= 11;
            }
            List<String> name = flow.wrap(signers.get(i).name(), flow.fonts.regular, 8.5f, boxWidth - 12);
            flow.text(name.get(0), x + 6, line, flow.fonts.regular, 8.5f, PageFlow.INK);
            flow.text(PrintTexts.text("signature.date"), x + 6, line - 14, flow.fonts.regular, 8, PageFlow.MUTED);
            flow.text(PrintTexts.text("signature.sign"), x + 6, line - 26, flow.fonts.regular, 8, PageFlow.MUTED);
        }
        flow.moveDown(height + 8);
    }
}
