package fr.convergence.terrain.app.cli;

import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCommandTest {

    @TempDir
    static Path dir;
    static Path store;

    @BeforeAll
    static void demo() {
        store = dir.resolve("demo.db");
        try (TerrainStore s = TerrainStore.open(store)) {
            new DemoDataGenerator(5, LocalDate.now()).generate(s, DemoSize.SITE, new PasswordHasher(1000));
        }
    }

    private static Cli.Run run(String... args) {
        return Cli.run(Cli.DEMO_SCRIPT, args);
    }

    @Test
    void aWorksiteReportIsPrintedAndExportedForExcel() throws Exception {
        Path csv = dir.resolve("exports/rapport.csv");
        int year = LocalDate.now().getYear() - 1;

        Cli.Run run = run("report", "--store", store.toString(), "--user", "coordination", "--worksite",
                "abej-solidarite", "--from", "01/01/" + year, "--to", "31/12/" + year, "--csv", csv.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Chantier\u00a0: ABEJ Solidarité — du 01/01/" + year + " au 31/12/" + year,
                "File active\u00a0: ", "Passages PHC → CDDI", "Heures réalisées", "rapport.csv écrit");
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(
                "Périmètre;Du;Au;Indicateur;Détail;Mois;Valeur;Unité;Nature des données\r\n")
                .contains(";personnes;DÉMONSTRATION — données fictives\r\n");
    }

    @Test
    void anAdviserAskingForTheTerritoryIsToldItIsForTheCoordination() {
        Cli.Run run = run("report", "--store", store.toString(), "--territory", "lille", "--user", "cip");

        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains("réservé à sa coordination");
    }

    @Test
    void anUnreadableDateIsRefusedWithTheExpectedFormat() {
        Cli.Run run = run("report", "--store", store.toString(), "--user", "admin", "--worksite", "abej-solidarite",
                "--from", "2025-13-01");

        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains("jj/mm/aaaa");
    }

    @Test
    void aDayThatDoesNotExistIsRefusedNotMovedToTheEndOfTheMonth() {
        Cli.Run run = run("report", "--store", store.toString(), "--user", "admin", "--worksite", "abej-solidarite",
                "--from", "31/02/2026", "--to", "31/03/2026");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--from\u00a0: le «\u00a031/02/2026\u00a0» n’existe pas dans le calendrier");
        assertThat(run.out()).doesNotContain("28/02/2026");
    }

    @Test
    void anUnknownWorksiteOrTerritoryIsAUsageErrorNotAReportOfZeros() {
        Cli.Run worksite = run("report", "--store", store.toString(), "--user", "coordination", "--worksite",
                "nowhere");
        Cli.Run territory = run("report", "--store", store.toString(), "--user", "admin", "--territory", "atlantis");

        assertThat(worksite.code()).isEqualTo(2);
        assertThat(worksite.err()).contains("Chantier inconnu de ce fichier de données\u00a0: «\u00a0nowhere\u00a0»",
                "abej-solidarite");
        assertThat(worksite.out()).doesNotContain("File active");
        assertThat(territory.code()).isEqualTo(2);
        assertThat(territory.err()).contains("Territoire inconnu", "atlantis");
        assertThat(territory.out()).doesNotContain("File active");
    }

    @Test
    void theMonthlyStatementIsWrittenAsCsvOrAsALandscapePdf() throws Exception {
        String month = YearMonth.now().minusMonths(1).toString();
        Path csv = dir.resolve("releves/releve.csv");
        Path pdf = dir.resolve("releves/releve.pdf");

        Cli.Run csvRun = run("report", "monthly", "--store", store.toString(), "--user", "coordination",
                "--worksite", "abej-solidarite", "--month", month, "--format", "csv", "--output", csv.toString());
        Cli.Run pdfRun = run("report", "monthly", "--store", store.toString(), "--user", "coordination",
                "--worksite", "abej-solidarite", "--month", month, "--output", pdf.toString());

        assertThat(csvRun.code()).as(csvRun.err()).isZero();
        assertThat(csvRun.out()).contains("Relevé mensuel des heures — ABEJ Solidarité — ", "personnes sous contrat",
                "ETP.", "releve.csv écrit");
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = List.of(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines.get(0)).startsWith("Chantier;Mois;Nom;Prénom;Contrat;").endsWith(";Nature des données");
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.startsWith("ABEJ Solidarité;" + month + ";"));
        assertThat(lines.get(lines.size() - 1)).contains(";Total (");

        assertThat(pdfRun.code()).as(pdfRun.err()).isZero();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getPage(0).getMediaBox().getWidth())
                    .isGreaterThan(document.getPage(0).getMediaBox().getHeight());
            assertThat(new PDFTextStripper().getText(document)).contains("Relevé mensuel des heures", "Total (");
        }
    }

    @Test
    void aMonthOrAFormatThatDoesNotExistIsAUsageError() {
        Cli.Run month = run("report", "monthly", "--store", store.toString(), "--user", "coordination", "--worksite",
                "abej-solidarite", "--month", "2026-13", "--output", dir.resolve("x.pdf").toString());
        Cli.Run format = run("report", "monthly", "--store", store.toString(), "--user", "coordination", "--worksite",
                "abej-solidarite", "--month", "2026-11", "--format", "xls", "--output", dir.resolve("x.xls").toString());
        Cli.Run worksite = run("report", "monthly", "--store", store.toString(), "--user", "coordination",
                "--worksite", "nowhere", "--month", "2026-11", "--output", dir.resolve("x.pdf").toString());

        assertThat(month.code()).isEqualTo(2);
        assertThat(month.err()).contains("--month\u00a0: «\u00a02026-13\u00a0» n’est pas un mois");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("écrivez pdf ou csv");
        assertThat(worksite.code()).isEqualTo(2);
        assertThat(worksite.err()).contains("Chantier inconnu de ce fichier de données", "abej-solidarite");
        assertThat(dir.resolve("x.pdf")).doesNotExist();
    }

    @Test
    void anAccountOfAnotherWorksiteIsRefusedTheStatement() {
        Cli.Run run = run("report", "monthly", "--store", store.toString(), "--user", "cip", "--worksite", "aars",
                "--month", "2026-11", "--output", dir.resolve("refused.pdf").toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("Ce chantier n’est pas dans votre périmètre");
        assertThat(dir.resolve("refused.pdf")).doesNotExist();
    }
}
