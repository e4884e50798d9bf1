package fr.convergence.terrain.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.convergence.terrain.core.account.AccessPolicies;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.print.PrintCatalogService;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.store.UserRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ExportPersonCommandTest {

    @TempDir
    static Path dir;
    static Path store;
    static Participant person;

    @BeforeAll
    static void demo() {
        store = dir.resolve("demo.db");
        try (TerrainStore s = TerrainStore.open(store)) {
            var summary = new DemoDataGenerator(5, LocalDate.now()).generate(s, DemoSize.SITE, new PasswordHasher(1000));
            var catalog = new PrintCatalogService(s, AccessPolicies.of(s));
            // As a CIP sees them: an archived person (support ended long before today) is refused to the CIP.
            person = catalog.participants(new UserRepository(s).findByLogin("cip").orElseThrow(),
                    summary.worksiteIds().get(0)).get(0);
        }
    }

    private static Cli.Run run(String... args) {
        return Cli.run(Cli.DEMO_SCRIPT, args);
    }

    private static List<Path> files(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.sorted().toList();
        }
    }

    @Test
    void anAdviserWritesThePdfAndTheJsonOfOnePersonIntoAFolder() throws Exception {
        Path out = dir.resolve("droit-acces");

        Cli.Run run = run("export-person", "--store", store.toString(), "--participant", person.id(), "--out",
                out.toString(), "--user", "cip");

        assertThat(run.code()).as(run.err()).isZero();
        List<Path> written = files(out);
        assertThat(written).extracting(p -> p.getFileName().toString()).hasSize(2)
                .allMatch(n -> n.startsWith("donnees-") && n.contains(LocalDate.now().toString()))
                .anyMatch(n -> n.endsWith(".pdf")).anyMatch(n -> n.endsWith(".json"));
        assertThat(run.out()).contains(".pdf écrit", ".json écrit");
        Path pdf = written.stream().filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Vos données personnelles", person.fullName(), "Vos heures de travail",
                    "DÉMONSTRATION — données fictives");
        }
        Path json = written.stream().filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        JsonNode tree = new ObjectMapper().readTree(json.toFile());
        assertThat(tree.at("/person/id").asText()).isEqualTo(person.id());
        assertThat(tree.at("/person/lastName").asText()).isEqualTo(person.lastName());
        assertThat(tree.path("demonstration").asBoolean()).isTrue();
        if (Files.getFileStore(json).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(json))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pdf))).isEqualTo("rw-------");
        }
    }

    @Test
    void anEducatorIsRefusedAndNothingIsWritten() throws Exception {
        Path out = dir.resolve("refus");

        Cli.Run run = run("export-person", "--store", store.toString(), "--participant", person.id(), "--out",
                out.toString(), "--user", "esp");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("réservé à la CIP");
        assertThat(files(out)).isEmpty();
    }

    @Test
    void aWrongPasswordExportsNothing() throws Exception {
        Path out = dir.resolve("mauvais-mot-de-passe");

        Cli.Run run = Cli.run(Cli.terminal(java.util.Map.of(PersonOptions.DEFAULT_VARIABLE, "pas le bon mot de passe"),
                null), "export-person", "--store", store.toString(), "--participant", person.id(), "--out",
                out.toString(), "--user", "cip");

        assertThat(run.code()).isEqualTo(PersonOptions.SIGN_IN_REFUSED);
        assertThat(run.err()).contains("mot de passe incorrect");
        assertThat(files(out)).isEmpty();
    }

    @Test
    void aMissingStoreIsSaidInFrench() {
        Cli.Run run = run("export-person", "--store", dir.resolve("absent.db").toString(), "--participant", "x",
                "--out", dir.resolve("x").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("n’existe pas");
    }
}
