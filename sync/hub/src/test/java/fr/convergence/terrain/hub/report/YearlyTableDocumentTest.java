package fr.convergence.terrain.hub.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.pdf.PageFlow;
import fr.convergence.terrain.hub.store.JooqHubStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The yearly table's PDF on the hand-counted {@link YearlyDataSet}: the figures of {@link YearlyTablesTest}, read
 * back from the PDF's text, one row of the table a line (cells apart by a space, as PDFBox lays them out). Public
 * for {@link #text}, which the command line's and the console's tests read their PDFs with.
 */
public class YearlyTableDocumentTest {

    static final ZonedDateTime GENERATED = ZonedDateTime.of(2026, 12, 7, 10, 0, 0, 0, ZoneId.of("Europe/Paris"));

    @TempDir
    Path dir;

    JooqHubStore store;
    YearlyTables tables;

    @BeforeEach
    void load() {
        store = JooqHubStore.sqlite(dir.resolve("hub.db"));
        YearlyDataSet.load(store);
        tables = new YearlyTables(store, Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** The PDF's text, line by line in reading order, no-break spaces as plain ones. */
    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replace('\u00a0', ' ').replace('\u202f', ' ');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theCountryByTerritoryWithTheNationalTotalTheYearBeforeAndTheChange() throws Exception {
        byte[] pdf = YearlyTableDocument.pdf(tables.national(2026, t -> true, true), GENERATED);
        if (System.getProperty("yearly.pdf.out") != null) {
            Files.write(Path.of(System.getProperty("yearly.pdf.out")), pdf);
        }

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(PageFlow.LANDSCAPE.getWidth());
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Tableau annuel 2026 · France entière");
        }
        String text = text(pdf);
        assertThat(text).contains("Tableau annuel 2026", "France entière, par territoire",
                "Généré le 07/12/2026 à 10:00 par le hub Convergence Terrain", "page 1/1");
        assertThat(text.lines()).contains(
                "Lille 2 5 3 3 2 1 1 0 1 3 66,7 % 1 17 0,01",
                "Lyon 1 1 1 0 0 0 0 0 0 0 — 0 15 0,01",
                "Total 2026 3 6 4 3 2 1 1 0 1 3 66,7 % 1 32 0,02",
                "Total 2025 3 5 3 2 2 0 0 1 1 2 50,0 % 0 28 0,02",
                "Évolution 2025 → 2026 0 +1 +1 +1 0 +1 +1 −1 0 +1 +16,7 points +1 +4 0,00");
    }

    @Test
    void aWorksiteByMonthHasItsMonthsAndNoParticipant() {
        String text = text(YearlyTableDocument.pdf(tables.worksite(2026, YearlyDataSet.ABEJ).orElseThrow(),
                GENERATED));

        assertThat(text).contains("ABEJ Solidarité (Lille), par mois").doesNotContain("Chantiers");
        assertThat(text.lines()).contains("janvier 2026 2 1 1 0 0 0 0 0 0 — 0 10 0,07",
                "Total 2026 3 2 2 1 1 0 0 1 2 50,0 % 1 12 0,01");
        assertThat(text).doesNotContain("P1").doesNotContain("P2");
    }

    @Test
    void aCoordinatorsCountryHasTheirTerritoryAndNoNationalTotal() {
        String text = text(YearlyTableDocument.pdf(tables.national(2026, "lyon"::equals, false), GENERATED));

        assertThat(text.lines()).contains("Lyon 1 1 1 0 0 0 0 0 0 0 — 0 15 0,01");
        assertThat(text).contains("le total national est réservé").doesNotContain("Lille")
                .doesNotContain("Total 2026");
    }
}
