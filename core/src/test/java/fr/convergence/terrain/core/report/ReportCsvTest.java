package fr.convergence.terrain.core.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCsvTest {

    private static String csv(Report report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportCsv.write(report, out);
        byte[] bytes = out.toByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }

    @Test
    void theExportOpensInFrenchExcelWithBomSemicolonsAndDecimalCommas() throws IOException {
        String text = csv(ReportCalculatorTest.REPORT);
        List<String> lines = List.of(text.split("\r\n"));

        assertThat(text).endsWith("\r\n");
        assertThat(lines.get(0)).isEqualTo("Périmètre;Du;Au;Indicateur;Détail;Mois;Valeur;Unité");
        assertThat(lines).allMatch(l -> l.split(";", -1).length == 8);
        assertThat(lines).contains(
                "Chantier : Chantier 1;01/01/2026;31/03/2026;File active;Total;;6;personnes",
                "Chantier : Chantier 1;01/01/2026;31/03/2026;Sorties dynamiques;Part des sorties;;66,7;%",
                "Chantier : Chantier 1;01/01/2026;31/03/2026;Heures réalisées;Total;;12,25;heures",
                "Chantier : Chantier 1;01/01/2026;31/03/2026;Heures réalisées;Formation;2026-02;1,50;heures",
                "Chantier : Chantier 1;01/01/2026;31/03/2026;Paliers PHC le 18/03/2026;6 h;;1;personnes",
                "Chantier : Chantier 1;01/01/2026;31/03/2026;Passages PHC → CDDI;Total;;1;personnes",
                "Chantier : Chantier 1;01/01/2026;31/03/2026;Entrées;Par mois;2026-02;1;personnes");
    }

    @Test
    void fieldsWithSeparatorsQuotesOrFormulaSignsAreEscaped() {
        assertThat(ReportCsv.escape("Chantier ; Nord")).isEqualTo("\"Chantier ; Nord\"");
        assertThat(ReportCsv.escape("Le \"Relais\"")).isEqualTo("\"Le \"\"Relais\"\"\"");
        assertThat(ReportCsv.escape("=SOMME(A1)")).isEqualTo("'=SOMME(A1)");
        assertThat(ReportCsv.escape(null)).isEmpty();
    }

    @Test
    void hoursAndRatesUseADecimalComma() {
        assertThat(ReportCsv.hours(90)).isEqualTo("1,50");
        assertThat(ReportCsv.hours(0)).isEqualTo("0,00");
        assertThat(ReportCsv.hours(2_500_000L * 60)).isEqualTo("2500000,00");
        assertThat(ReportCsv.percent(100.0 / 3)).isEqualTo("33,3");
        assertThat(ReportCsv.percent(null)).isEmpty();
    }
}
