package fr.convergence.terrain.core.security;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files the application writes for a person (PDFs, CSV exports, the recovery key's sheet): readable by their owner
 * only, and replaced only once whole. The content is written to a temporary file of the target's folder — which
 * {@link Files#createTempFile} makes owner-only on Linux and macOS (0600), and under the user's profile ACL on
 * Windows — then moved over the target, so the target keeps those permissions and a crash never leaves half a file.
 */
public final class PrivateFiles {

    /** What to write into the file. */
    public interface Content {
        void write(OutputStream out) throws IOException;
    }

    private PrivateFiles() {
    }

    /** Writes {@code bytes} to {@code target} (see the class). */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Writes what {@code content} gives to {@code target}, creating its folder if needed (see the class). */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, ".terrain-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.write(out);
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
