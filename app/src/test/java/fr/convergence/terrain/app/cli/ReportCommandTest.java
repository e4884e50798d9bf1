package fr.convergence.terrain.app.cli;

import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TerrainCommand.run(TerrainCommandTest.NO_WINDOW, new PrintWriter(out, true), new PrintWriter(err, true),
                TerrainCommandTest.withDemoPassword(args));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aWorksiteReportIsPrintedAndExportedForExcel() throws Exception {
        Path csv = dir.resolve("exports/rapport.csv");
        int year = LocalDate.now().getYear() - 1;

        Run run = run("report", "--store", store.toString(), "--worksite", "abej-solidarite",
                "--from", "01/01/" + year, "--to", "31/12/" + year, "--csv", csv.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Chantier : ABEJ Solidarité — du 01/01/" + year + " au 31/12/" + year,
                "File active : ", "Passages PHC → CDDI", "Heures réalisées", "rapport.csv écrit");
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("Périmètre;Du;Au;Indicateur;Détail;Mois;Valeur;Unité\r\n");
    }

    @Test
    void anAdviserAskingForTheTerritoryIsToldItIsForTheCoordination() {
        Run run = run("report", "--store", store.toString(), "--territory", "lille", "--user", "cip");

        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains("réservé à sa coordination");
    }

    @Test
    void anUnreadableDateIsRefusedWithTheExpectedFormat() {
        Run run = run("report", "--store", store.toString(), "--worksite", "abej-solidarite", "--from", "2025-13-01");

        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains("jj/mm/aaaa");
    }
}
