package fr.convergence.terrain.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** What picocli writes itself — the help, a missing or unknown option — reads in French, exit code 2. */
class CommandLineInFrenchTest {

    /** picocli's own English, which none of the command line's outputs may contain. */
    static final List<String> ENGLISH = List.of("Usage", "Missing", "Unknown", "Did you mean", "Show this help",
            "Print version", "Commands:", "Invalid value", "Possible solutions", "Expected parameter",
            "mutually exclusive", "should be specified only once");

    @TempDir
    Path dir;

    private static Cli.Run run(String... args) {
        return Cli.run(Cli.NOTHING, args);
    }

    private static void assertFrench(Cli.Run run) {
        assertThat(run.out() + run.err()).doesNotContain(ENGLISH);
    }

    @Test
    void theHelpOfEveryCommandIsInFrench() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"report", "--help"},
                new String[] {"report", "monthly", "--help"},
                new String[] {"print", "attendance", "--help"}, new String[] {"sync", "--help"},
                new String[] {"edit", "--help"}, new String[] {"edit", "setup", "--help"},
                new String[] {"edit", "hours", "--help"}, new String[] {"restore", "--help"})) {
            Cli.Run help = run(args);

            assertThat(help.code()).as(String.join(" ", args)).isZero();
            assertFrench(help);
            assertThat(help.out()).contains("Utilisation\u00a0: terrain", "Affiche cette aide et s’arrête.");
        }
        assertThat(run("--help").out()).contains("Commandes\u00a0:", "Affiche la version et s’arrête.");
    }

    @Test
    void aMissingOptionIsNamedInFrenchWithWhereTheHelpIs() {
        Cli.Run run = run("report", "--worksite", "abej-solidarite");

        assertThat(run.code()).isEqualTo(2);
        assertFrench(run);
        assertThat(run.err()).contains("Option obligatoire manquante\u00a0: --store")
                .contains("Aide\u00a0: terrain report --help");
        assertThat(run.err().lines()).as("the message, not the whole usage").hasSize(2);

        Cli.Run scope = run("report", "--store", "x.db");
        assertThat(scope.code()).isEqualTo(2);
        assertFrench(scope);
        assertThat(scope.err()).contains("Indiquez l’une de ces options\u00a0: --worksite ou --territory.");

        Cli.Run value = run("report", "--store");
        assertThat(value.code()).isEqualTo(2);
        assertFrench(value);
        assertThat(value.err()).contains("L’option --store attend une valeur");
    }

    @Test
    void anEditWithoutItsStoreIsAUsageError() {
        Cli.Run run = run("edit", "--user", "cip", "note", "--participant", "p", "--text", "x");

        assertThat(run.code()).isEqualTo(2);
        assertFrench(run);
        assertThat(run.err()).contains("Option obligatoire manquante\u00a0: --store FICHIER");
    }

    @Test
    void anUnknownOptionOrCommandIsSaidWithASuggestion() {
        Cli.Run option = run("report", "--store", "x.db", "--worksit", "abej-solidarite");
        assertThat(option.code()).isEqualTo(2);
        assertFrench(option);
        assertThat(option.err()).contains("Option inconnue\u00a0: «\u00a0--worksit\u00a0»", "Vouliez-vous dire",
                "--worksite");

        Cli.Run command = run("rapport");
        assertThat(command.code()).isEqualTo(2);
        assertFrench(command);
        assertThat(command.err()).contains("Commande inconnue\u00a0: «\u00a0rapport\u00a0»", "report");
    }

    @Test
    void aWrongValueOrTwoExclusiveOptionsAreExplained() {
        Cli.Run both = run("report", "--store", "x.db", "--worksite", "a", "--territory", "b");
        assertThat(both.code()).isEqualTo(2);
        assertFrench(both);
        assertThat(both.err()).contains("Ces options s’excluent", "--worksite", "--territory", "n’en donnez qu’une");

        Cli.Run day = run("edit", "--store", "x.db", "hours", "--participant", "p", "--day", "2026-02-31",
                "--minutes", "60");
        assertThat(day.code()).isEqualTo(2);
        assertFrench(day);
        assertThat(day.err()).contains("Valeur refusée pour --day\u00a0: «\u00a02026-02-31\u00a0»",
                "doit exister dans le calendrier");

        Cli.Run number = run("sync", "--store", "x.db", "--retries", "beaucoup");
        assertThat(number.code()).isEqualTo(2);
        assertFrench(number);
        assertThat(number.err()).contains("--retries", "nombre entier");
    }

    @Test
    void aFileThatIsNotAStoreIsSaidSoByEveryCommandWithoutSqliteCodes() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "pas une base de données, mais assez long pour "
                + "ressembler à un fichier SQLite aux yeux d’un lecteur pressé\u00a0: ".repeat(20));
        String store = text.toString();
        List<String[]> commands = List.of(
                new String[] {"report", "--store", store, "--user", "admin", "--worksite", "abej-solidarite"},
                new String[] {"print", "referral", "--store", store, "--user", "cip", "--referral", "r", "--out",
                        dir.resolve("x.pdf").toString()},
                new String[] {"export-person", "--store", store, "--user", "cip", "--participant", "p", "--out",
                        dir.resolve("dossier").toString()},
                new String[] {"check", "--store", store},
                new String[] {"edit", "--store", store, "--user", "cip", "note", "--participant", "p", "--text", "x"},
                new String[] {"sync", "--store", store, "--user", "cip", "--hub", "https://hub.example"});
        for (String[] args : commands) {
            Cli.Run run = run(args);

            assertThat(run.code()).as(args[0]).isEqualTo(2);
            assertThat(run.err()).as(args[0]).contains("n’est pas un fichier de données de Convergence Terrain")
                    .doesNotContain("SQLITE").doesNotContain("Exception");
        }
        assertThat(Files.readString(text)).startsWith("pas une base de données");
    }
}
