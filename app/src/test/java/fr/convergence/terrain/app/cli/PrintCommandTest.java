package fr.convergence.terrain.app.cli;

import fr.convergence.terrain.core.account.AccessPolicies;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.print.PrintCatalogService;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.store.UserRepository;
import fr.convergence.terrain.core.week.IsoWeek;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PrintCommandTest {

    @TempDir
    static Path dir;
    static Path store;
    static String participantId;
    static String referralId;
    static String worksiteId;

    @BeforeAll
    static void demo() {
        store = dir.resolve("demo.db");
        try (TerrainStore s = TerrainStore.open(store)) {
            var summary = new DemoDataGenerator(5, LocalDate.now()).generate(s, DemoSize.SITE, new PasswordHasher(1000));
            worksiteId = summary.worksiteIds().get(0);
            var catalog = new PrintCatalogService(s, AccessPolicies.of(s));
            // Picked as a CIP sees them: a demo person whose support ended long before today is archived, and
            // refused to the ESP and the CIP the commands act as.
            var cip = new UserRepository(s).findByLogin("cip").orElseThrow();
            var participants = catalog.participants(cip, worksiteId);
            participantId = participants.get(0).id();
            referralId = participants.stream().flatMap(p -> catalog.referrals(cip, p.id()).stream()).findFirst()
                    .orElseThrow().id();
        }
    }

    private static Cli.Run run(String... args) {
        return Cli.run(Cli.DEMO_SCRIPT, args);
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void followUpAttendanceAndReferralPrintFromTheCommandLine() throws Exception {
        Path followUp = dir.resolve("suivi.pdf");
        Path batch = dir.resolve("out/chantier.pdf");
        Path attendance = dir.resolve("emargement.pdf");
        Path referral = dir.resolve("orientation.pdf");
        String week = IsoWeek.of(LocalDate.now()).monday().format(java.time.format.DateTimeFormatter.ISO_WEEK_DATE)
                .substring(0, 8);

        assertThat(run("print", "follow-up", "--store", store.toString(), "--participant", participantId,
                "--user", "cip", "--out", followUp.toString()).code()).isZero();
        assertThat(run("print", "follow-up", "--store", store.toString(), "--worksite", worksiteId,
                "--user", "admin", "--out", batch.toString()).code()).isZero();
        Cli.Run att = run("print", "attendance", "--store", store.toString(), "--worksite", worksiteId, "--week", week,
                "--user", "esp", "--out", attendance.toString(), "--pdfa");
        assertThat(att.code()).as(att.err()).isZero();
        assertThat(att.out()).contains("emargement.pdf écrit");
        assertThat(run("print", "referral", "--store", store.toString(), "--referral", referralId,
                "--user", "cip", "--out", referral.toString()).code()).isZero();

        assertThat(text(followUp)).contains("Fiche de suivi", "par Yanis Conseiller (CIP)");
        assertThat(text(batch)).contains("Fiche de suivi", "par Administration du poste");
        assertThat(text(attendance)).contains("Feuille d’émargement", "Semaine " + IsoWeek.of(LocalDate.now()).number());
        assertThat(text(referral)).contains("Fiche d’orientation");
    }

    @Test
    void mistakesAreExplainedInFrenchWithoutAStackTrace() {
        Cli.Run badWeek = run("print", "attendance", "--store", store.toString(), "--worksite", worksiteId,
                "--user", "esp", "--week", "2026-W60", "--out", dir.resolve("x.pdf").toString());
        assertThat(badWeek.code()).isNotZero();
        assertThat(badWeek.err()).contains("n’a pas de semaine 60").doesNotContain("Exception");

        Cli.Run unknownWorksite = run("print", "follow-up", "--store", store.toString(), "--worksite", "nowhere",
                "--user", "cip", "--out", dir.resolve("w.pdf").toString());
        assertThat(unknownWorksite.code()).as("an unknown id is a usage error").isEqualTo(2);
        assertThat(unknownWorksite.err()).contains("Chantier introuvable", "nowhere", "Vérifiez les identifiants");
        Cli.Run unknownReferral = run("print", "referral", "--store", store.toString(), "--referral", "nowhere",
                "--user", "cip", "--out", dir.resolve("r.pdf").toString());
        assertThat(unknownReferral.code()).isEqualTo(2);
        assertThat(unknownReferral.err()).contains("Orientation introuvable");

        Cli.Run missingStore = run("print", "referral", "--store", dir.resolve("absent.db").toString(),
                "--referral", "r", "--user", "cip", "--out", dir.resolve("y.pdf").toString());
        assertThat(missingStore.code()).isEqualTo(2);
        assertThat(missingStore.err()).contains("n’existe pas");
        assertThat(Files.exists(dir.resolve("absent.db"))).isFalse();

        Cli.Run unknownUser = run("print", "follow-up", "--store", store.toString(), "--participant", participantId,
                "--user", "personne", "--out", dir.resolve("z.pdf").toString());
        assertThat(unknownUser.code()).isEqualTo(PersonOptions.SIGN_IN_REFUSED);
        assertThat(unknownUser.err()).contains("Identifiant ou mot de passe incorrect pour «\u00a0personne\u00a0»");
        assertThat(Files.exists(dir.resolve("z.pdf"))).isFalse();

        Cli.Run help = run("print", "follow-up", "--help");
        assertThat(help.out()).contains("--user", "--password-file", "--password-env", "TERRAIN_PASSWORD")
                .doesNotContain("Par défaut\u00a0: le compte administrateur");
    }
}
