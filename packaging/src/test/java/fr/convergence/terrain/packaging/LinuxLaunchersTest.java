package fr.convergence.terrain.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code src/jpackage/linux-launchers.sh} replaces jpackage's launchers of an image by scripts that start the image's
 * runtime with each launcher's {@code .cfg}. Run here on an image laid out as jpackage lays it out (a folder name with a
 * space, as « Convergence Terrain »), whose {@code java} is a script that prints the arguments it was given: the
 * desktop launcher passes every option; the command line drops JavaFX's module options and names its own archive when
 * given arguments, and opens the window without.
 */
class LinuxLaunchersTest {

    private static final Path SCRIPT = Path.of("src/jpackage/linux-launchers.sh");

    @TempDir
    Path dir;
    Path image;

    @BeforeEach
    void anImageAsJpackageLaysItOut() throws IOException {
        image = dir.resolve("Convergence Terrain");
        Path app = Files.createDirectories(image.resolve("lib/app"));
        Files.createDirectories(image.resolve("bin"));
        Files.createDirectories(image.resolve("lib/runtime/bin"));
        executable(image.resolve("lib/runtime/bin/java"), "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        executable(image.resolve("bin/terrain"), "\u007fELF jpackage's launcher");
        executable(image.resolve("bin/Convergence Terrain"), "\u007fELF jpackage's launcher");
        String common = """
                [Application]
                app.classpath=$APPDIR/terrain-app.jar
                app.mainclass=fr.convergence.terrain.app.Main
                app.classpath=$APPDIR/javafx-base-linux.jar

                [JavaOptions]
                java-options=-Djpackage.app-version=0.1.0
                java-options=--module-path=$APPDIR/javafx-base-linux.jar
                java-options=--add-modules=javafx.controls
                java-options=-XX:SharedArchiveFile=$APPDIR/terrain.jsa
                java-options=-Dorg.sqlite.lib.path=$APPDIR/sqlite-native
                """;
        Files.writeString(app.resolve("terrain.cfg"), common);
        Files.writeString(app.resolve("Convergence Terrain.cfg"), common);
    }

    @Test
    void theDesktopLauncherStartsTheRuntimeWithEveryOptionOfItsCfg() throws Exception {
        run("image", image.toString());

        String app = image.resolve("lib/app").toString();
        assertThat(run(image.resolve("bin/Convergence Terrain").toString(), "--un", "deux mots")).containsExactly(
                "-classpath", app + "/terrain-app.jar:" + app + "/javafx-base-linux.jar",
                "-Djpackage.app-version=0.1.0",
                "--module-path=" + app + "/javafx-base-linux.jar",
                "--add-modules=javafx.controls",
                "-XX:SharedArchiveFile=" + app + "/terrain.jsa",
                "-Dorg.sqlite.lib.path=" + app + "/sqlite-native",
                "fr.convergence.terrain.app.Main", "--un", "deux mots");
    }

    @Test
    void theCommandLineStartsWithoutJavafxAndItsOwnArchiveAndOpensTheWindowWithoutArguments() throws Exception {
        run("image", image.toString());

        String app = image.resolve("lib/app").toString();
        // through a link, as /usr/bin/terrain: the image is found from the link's target
        Path link = Files.createSymbolicLink(dir.resolve("terrain"), image.resolve("bin/terrain"));
        assertThat(run(link.toString(), "check", "--store", "a b.db")).containsExactly(
                "-classpath", app + "/terrain-app.jar:" + app + "/javafx-base-linux.jar",
                "-Djpackage.app-version=0.1.0",
                "-XX:SharedArchiveFile=" + app + "/terrain-cli.jsa",
                "-Dorg.sqlite.lib.path=" + app + "/sqlite-native",
                "-XX:+UseSerialGC",
                "fr.convergence.terrain.app.Main", "check", "--store", "a b.db");
        assertThat(run(link.toString())).contains("--add-modules=javafx.controls",
                "-XX:SharedArchiveFile=" + app + "/terrain.jsa").last().isEqualTo("fr.convergence.terrain.app.Main");
    }

    @Test
    void aCfgLineItDoesNotKnowFailsRatherThanBeingDropped() throws Exception {
        Files.writeString(image.resolve("lib/app/terrain.cfg"), "[ArgOptions]\narguments=--verbose\n",
                java.nio.file.StandardOpenOption.APPEND);

        Process process = start("image", image.toString());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("unknown line");
        assertThat(Files.readString(image.resolve("bin/terrain"))).startsWith("\u007fELF");
    }

    private static void executable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Runs the script (its mode and argument) or a launcher, and returns the lines it printed; fails on a non-zero exit. */
    private List<String> run(String first, String... rest) throws Exception {
        Process process = start(first, rest);
        List<String> lines = new ArrayList<>(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines().toList());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(errors).isZero();
        return lines;
    }

    private Process start(String first, String... rest) throws IOException {
        List<String> command = new ArrayList<>();
        if (first.equals("image") || first.equals("debs")) {
            command.add("sh");
            command.add(SCRIPT.toString());
        }
        command.add(first);
        command.addAll(List.of(rest));
        return new ProcessBuilder(command).start();
    }
}
