package fr.convergence.terrain.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.app.Main;
import fr.convergence.terrain.core.store.TerrainStore;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's native library cannot be loaded (issue 17, field conditions: a damaged installation, a temporary folder
 * mounted {@code noexec} where sqlite-jdbc copies its library): the command line says so in French, with what to do,
 * and exits non-zero — no Java stack trace on the terminal. {@code terrain --version} does not need SQLite. Run in a
 * JVM of its own, since a JVM loads the library once; sqlite-jdbc is pointed at a library and at a temporary folder
 * that do not exist, so that no way of loading it works.
 */
class SqliteUnavailableTest {

    @TempDir
    Path dir;

    @Test
    void checkSaysInFrenchThatSqliteCannotBeLoadedAndWhatToDoWithoutAStackTrace() throws Exception {
        Path store = dir.resolve("poste.db");
        TerrainStore.open(store).close();

        Run run = terrain("check", "--store", store.toString(), "--user", "admin");

        assertThat(run.code).as(run.err).isNotZero();
        assertThat(run.err).contains("le moteur de base de données (SQLite) n’a pas pu être chargé",
                "Réinstallez l’application", "autorise l’exécution de programmes", "noexec",
                dir.resolve("absent-tmp").toString());
        for (String output : List.of(run.err, run.out)) {
            assertThat(output).doesNotContain("at org.sqlite").doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    @Test
    void theVersionIsPrintedWithoutSqlite() throws Exception {
        Run run = terrain("--version");

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.out).startsWith("Convergence Terrain ");
        assertThat(run.err).isEmpty();
    }

    private record Run(int code, String out, String err) {
    }

    private Run terrain(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dorg.sqlite.lib.path=" + dir.resolve("absent-lib"),
                "-Dorg.sqlite.lib.name=libsqlitejdbc.so", "-Dorg.sqlite.tmpdir=" + dir.resolve("absent-tmp"),
                "-cp", applicationClassPath(), Main.class.getName()));
        command.addAll(Arrays.asList(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /**
     * The tests' class path without the hub's logback.xml (the tests run hubs too), whether the hub comes as a folder
     * of classes ({@code test}) or as its jar ({@code verify}): the command line then logs as it does once installed.
     */
    private static String applicationClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !holdsLogbackConfiguration(Path.of(entry)))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static boolean holdsLogbackConfiguration(Path entry) {
        if (Files.isDirectory(entry)) {
            return Files.exists(entry.resolve("logback.xml")) || Files.exists(entry.resolve("logback-test.xml"));
        }
        if (!Files.isRegularFile(entry)) {
            return false;
        }
        try (ZipFile jar = new ZipFile(entry.toFile())) {
            return jar.getEntry("logback.xml") != null || jar.getEntry("logback-test.xml") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
