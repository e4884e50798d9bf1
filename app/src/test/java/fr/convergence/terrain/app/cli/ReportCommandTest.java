package fr.convergence.terrain.app.cli;

import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
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
}
