package fr.convergence.terrain.core.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** French no-break spaces reach the PDF: a line never starts with ":" or "?", nor parts « from its word. */
class PageFlowWrapTest {

    @Test
    void noBreakSpacesAreKeptAndLinesNeverBreakThere() throws Exception {
        try (PDDocument document = new PDDocument()) {
            PageFlow flow = new PageFlow(document, PrintFonts.load(document), 40);
            String text = "Mot de passe oublié\u202f? Chantier\u00a0: «\u00a0ABEJ\u00a0» et encore des mots";
            for (float width = 120; width < 400; width += 7) {
                List<String> lines = flow.wrap(text, flow.fonts.regular, 10, width);
                assertThat(lines).as("width %s", width).noneMatch(l -> l.startsWith("?") || l.startsWith(":")
                        || l.startsWith("»") || l.endsWith("«"));
            }
            assertThat(String.join(" ", flow.wrap(text, flow.fonts.regular, 10, 1000)))
                    .contains("oublié\u202f?", "Chantier\u00a0:", "«\u00a0ABEJ\u00a0»");
        }
    }
}
