package fr.convergence.terrain.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every French text of every module — the screens' bundle, the print-outs' bundle, any other {@code *_fr.properties}
 * — is written as French is printed: a no-break space (U+00A0 or the narrow U+202F) before : ; ! ? and inside « »,
 * the typographic apostrophe, plurals written out by ICU rather than "(s)", grouped thousands, and a lower-case
 * word after a colon (unless it is a name). The rules are {@link FrenchTypographyRules}, shared with the check of the
 * texts written in Java ({@link FrenchJavaTextTypographyTest}).
 */
class FrenchTypographyTest {

    @Test
    void everyFrenchTextFollowsFrenchTypography() throws IOException {
        List<Path> bundles = frenchBundles();
        assertThat(bundles).extracting(p -> p.getFileName().toString())
                .contains("messages_fr.properties", "PrintMessages_fr.properties");
        List<String> breaches = new ArrayList<>();
        for (Path bundle : bundles) {
            Properties texts = load(bundle);
            for (String key : texts.stringPropertyNames()) {
                breaches(texts.getProperty(key)).forEach(b -> breaches.add(bundle.getFileName() + " " + key + ": " + b));
            }
        }
        assertThat(breaches).isEmpty();
    }

    @Test
    void theCheckCatchesEachKindOfBreach() {
        assertThat(breaches("Chantier : {0}")).hasSize(1);
        assertThat(breaches("Qui utilise ce poste ?")).hasSize(1);
        assertThat(breaches("« {0} » refusé")).hasSize(2);
        assertThat(breaches("Feuille d'émargement")).hasSize(1);
        assertThat(breaches("{0} case(s) copiée(s)")).hasSize(2);
        assertThat(breaches("Terminé\u00a0: Recommencez")).hasSize(1);
        assertThat(breaches("60564 cellules")).hasSize(1);
        assertThat(breaches("{0, plural, one {# page} other {# pages")).hasSize(1);
        assertThat(breaches("Chantier\u00a0: {0}\u202f; «\u00a0{1}\u00a0» à 6:30, https://hub.fr, 75007 Paris, "
                + "mot de passe\u00a0: Camille")).isEmpty();
    }

    private static List<String> breaches(String text) {
        return FrenchTypographyRules.breaches(text);
    }

    /** The French bundles of every module (the tests run in app/, the modules are its siblings). */
    private static List<Path> frenchBundles() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> found = new ArrayList<>();
        for (String module : List.of("core", "sync", "app")) {
            try (Stream<Path> files = Files.walk(root.resolve(module))) {
                files.filter(f -> f.toString().contains("src" + java.io.File.separator + "main"))
                        .filter(f -> f.getFileName().toString().endsWith("_fr.properties"))
                        .forEach(found::add);
            }
        }
        return found;
    }

    private static Properties load(Path bundle) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
