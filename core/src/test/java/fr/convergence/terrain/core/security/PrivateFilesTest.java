package fr.convergence.terrain.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file written for a person is theirs only, and whole or absent (issue 14: « nothing readable at rest »). */
class PrivateFilesTest {

    @TempDir
    Path dir;

    @Test
    void aNewFileAndAReplacedOneAreReadableByTheirOwnerOnly() throws IOException {
        Path created = dir.resolve("sous-dossier/cle-de-secours.pdf");
        PrivateFiles.write(created, "clé".getBytes(StandardCharsets.UTF_8));

        Path older = dir.resolve("rapport.csv");
        Files.writeString(older, "ancien");
        Files.setPosixFilePermissions(older, PosixFilePermissions.fromString("rw-r--r--"));
        PrivateFiles.write(older, out -> out.write("nouveau".getBytes(StandardCharsets.UTF_8)));

        assertThat(Files.readString(created)).isEqualTo("clé");
        assertThat(Files.readString(older)).isEqualTo("nouveau");
        for (Path file : new Path[] {created, older}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void aFailedWriteLeavesTheOlderFileAndNoTemporaryFile() throws IOException {
        Path older = dir.resolve("journal.csv");
        Files.writeString(older, "entrées d'hier");

        assertThatThrownBy(() -> PrivateFiles.write(older, out -> {
            out.write("début".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disque plein");
        })).hasMessage("disque plein");

        assertThat(Files.readString(older)).isEqualTo("entrées d'hier");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(older);
        }
    }
}
