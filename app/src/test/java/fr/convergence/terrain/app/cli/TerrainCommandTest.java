package fr.convergence.terrain.app.cli;

import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.store.UserRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TerrainCommandTest {

    /** The desktop for tests of subcommands: reaching it is a mistake of the test. */
    static final Callable<Integer> NO_WINDOW = () -> {
        throw new AssertionError("a subcommand was expected: no window in this test");
    };

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return TerrainCommand.run(NO_WINDOW, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void withNoSubcommandTheWindowOpensOrTheCommandSaysWhyNot() {
        int[] opened = {0};
        assertThat(TerrainCommand.run(() -> ++opened[0] - 1, new PrintWriter(out, true), new PrintWriter(err, true)))
                .isZero();
        assertThat(opened[0]).isOne();

        int code = TerrainCommand.run(() -> {
            throw new IllegalStateException("pas d’écran");
        }, new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("L’application de bureau ne peut pas s’ouvrir sur cet écran (pas d’écran)",
                "sudo apt-get install libgtk-3-0 libgl1", "terrain --help");
    }

    @Test
    void versionNamesTheApplicationAndItsBuildVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("Convergence Terrain ").doesNotContain("inconnue");
    }

    @Test
    void aCommandLineBuildsOnlyTheSubcommandItNamesAndNoneForTheWindowOrTheVersion() {
        assertThat(names("check", "--store", "x.db")).containsExactly("check");
        assertThat(names("print", "follow-up", "--help")).containsExactly("print");
        assertThat(names()).isEmpty();
        assertThat(names("--version")).isEmpty();
        assertThat(names("-V")).isEmpty();
    }

    @Test
    void theHelpAndAMistypedNameStillKnowEverySubcommand() {
        assertThat(names("--help")).containsExactly("demo", "print", "sync", "report", "check", "edit",
                "export-person", "restore");
        assertThat(names("chek")).hasSize(TerrainCommand.SUBCOMMANDS.size());

        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("demo", "print", "sync", "report", "check", "export-person");
        assertThat(run("chek", "--store", "x.db")).isEqualTo(2);
        assertThat(err.toString()).contains("Commande inconnue\u00a0: «\u00a0chek\u00a0»", "check");
    }

    private static java.util.List<String> names(String... args) {
        return java.util.List.copyOf(TerrainCommand.commandLine(NO_WINDOW, Terminal.SYSTEM, args).getSubcommands()
                .keySet());
    }

    @Test
    void demoCreatesAStoreWithParticipantsAndDemoAccounts() {
        Path store = dir.resolve("demo.db");
        assertThat(run("demo", "--store", store.toString(), "--size", "site", "--seed", "3")).isZero();
        assertThat(out.toString()).contains("40 salarié·es").contains("mot de passe\u00a0: " + fr.convergence.terrain.core.demo.DemoDataGenerator.DEMO_PASSWORD + ")");
        try (TerrainStore opened = TerrainStore.open(store)) {
            assertThat(new ParticipantRepository(opened).count(Set.of("abej-solidarite"))).isEqualTo(40);
            assertThat(new UserRepository(opened).findByLogin("esp")).isPresent();
        }
    }

    @Test
    void demoNeverOverwritesAnExistingStore() throws Exception {
        Path store = Files.writeString(dir.resolve("precious.db"), "données réelles");
        assertThat(run("demo", "--store", store.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("existe déjà");
        assertThat(Files.readString(store)).isEqualTo("données réelles");
    }

    @Test
    void anUnknownSizeIsExplainedInFrench() {
        assertThat(run("demo", "--store", dir.resolve("x.db").toString(), "--size", "énorme")).isEqualTo(2);
        assertThat(err.toString()).contains("Taille inconnue").contains("site, territory ou national");
    }
}
