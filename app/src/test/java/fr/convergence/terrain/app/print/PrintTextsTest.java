package fr.convergence.terrain.app.print;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrintTextsTest {

    @Test
    void everyPrintTextIsUsedAndEveryUsedKeyExists() throws IOException {
        String sources;
        // The print bundle serves the print package and the print command only; the app has its own (I18n).
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java/fr/convergence/terrain/app/print")),
                Stream.of(Path.of("src/main/java/fr/convergence/terrain/app/cli/PrintCommand.java")))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
        for (String key : PrintTexts.keys()) {
            assertThat(sources).as("key %s is used", key).contains("\"" + key + "\"");
        }
        var used = java.util.regex.Pattern.compile("(?:text|t)\\(\"([a-zA-Z]+\\.[a-zA-Z.]+)\"").matcher(sources);
        while (used.find()) {
            assertThat(PrintTexts.keys()).as("key %s exists", used.group(1)).contains(used.group(1));
        }
    }
}
