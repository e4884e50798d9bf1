package fr.convergence.terrain.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every key used in the code exists in French and English, every key in the bundles is used. */
class LocalizationConsistencyTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][a-zA-Z]*(?:\\.[a-zA-Z0-9_]+)+)\"");

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = LocalizationConsistencyTest.class.getResourceAsStream(
                "/fr/convergence/terrain/app/messages_" + language + ".properties")) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** Dotted string literals of the main code, comments left out. */
    private static Set<String> literals() throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    String code = line.strip();
                    if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
                        continue;
                    }
                    Matcher matcher = LITERAL.matcher(code);
                    while (matcher.find()) {
                        found.add(matcher.group(1));
                    }
                }
            }
        }
        return found;
    }

    @Test
    void everyKeyUsedInTheCodeIsInTheFrenchBundle() throws IOException {
        Properties french = bundle("fr");
        Set<String> namespaces = french.stringPropertyNames().stream().map(k -> k.substring(0, k.indexOf('.')))
                .collect(Collectors.toSet());
        Set<String> missing = literals().stream()
                .filter(literal -> namespaces.contains(literal.substring(0, literal.indexOf('.'))))
                .filter(literal -> !french.containsKey(literal))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(missing).as("keys used in the code but missing from messages_fr.properties").isEmpty();
    }

    @Test
    void everyKeyOfTheFrenchBundleIsUsed() throws IOException {
        Set<String> used = literals();
        Set<String> unused = bundle("fr").stringPropertyNames().stream().filter(k -> !used.contains(k))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unused).as("keys of messages_fr.properties used nowhere").isEmpty();
    }

    @Test
    void englishHasExactlyTheFrenchKeys() throws IOException {
        assertThat(bundle("en").stringPropertyNames()).isEqualTo(bundle("fr").stringPropertyNames());
    }

    @Test
    void textsUseTheTypographicApostropheBecauseMessageFormatEatsTheStraightOne() throws IOException {
        for (String language : new String[] {"fr", "en"}) {
            Properties properties = bundle(language);
            assertThat(properties.stringPropertyNames()).allSatisfy(key ->
                    assertThat(properties.getProperty(key)).as(language + " " + key).doesNotContain("'"));
        }
    }
}
