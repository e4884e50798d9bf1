package fr.convergence.terrain.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every French text of every module — the screens' bundle, the print-outs' bundle, any other {@code *_fr.properties}
 * — is written as French is printed: a no-break space (U+00A0 or the narrow U+202F) before : ; ! ? and inside « »,
 * the typographic apostrophe, plurals written out by ICU rather than "(s)", grouped thousands, and a lower-case
 * word after a colon (unless it is a name).
 */
class FrenchTypographyTest {

    private static final String NO_BREAK = "\u00a0\u202f";
    /** Names that may follow a colon with their capital (demo accounts, programmes, places). */
    private static final Set<String> PROPER_NOUNS = Set.of("Camille", "Yanis", "Sandrine", "Administration",
            "Premières", "Convergence", "Paris");
    private static final Pattern PLURAL_HACK = Pattern.compile("\\p{L}\\((?:s|e|es|x|nes|le)\\)");
    private static final Pattern AFTER_COLON = Pattern.compile(":[\u00a0\u202f ]+(\\p{Lu}\\p{Ll}+)");
    /** Five digits or more in a row: a number that should be grouped, unless it is a postcode before a town. */
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\d.])\\d{5,}(?![\\d ]*\\p{Lu})");

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

    static List<String> breaches(String text) {
        List<String> found = new ArrayList<>();
        if (text.indexOf('\'') >= 0) {
            found.add("straight apostrophe (write ’)");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (":;!?".indexOf(c) >= 0 && i > 0 && NO_BREAK.indexOf(text.charAt(i - 1)) < 0 && !exempt(text, i)) {
                found.add("no no-break space before «" + c + "» at " + i);
            }
            if (c == '«' && (i + 1 >= text.length() || NO_BREAK.indexOf(text.charAt(i + 1)) < 0)) {
                found.add("no no-break space after « at " + i);
            }
            if (c == '»' && (i == 0 || NO_BREAK.indexOf(text.charAt(i - 1)) < 0)) {
                found.add("no no-break space before » at " + i);
            }
        }
        Matcher hack = PLURAL_HACK.matcher(text);
        while (hack.find()) {
            found.add("plural written " + hack.group() + " (use {n, plural, one {…} other {…}})");
        }
        Matcher colon = AFTER_COLON.matcher(text);
        while (colon.find()) {
            if (!PROPER_NOUNS.contains(colon.group(1))) {
                found.add("capital after a colon: " + colon.group(1));
            }
        }
        Matcher number = LONG_NUMBER.matcher(text);
        while (number.find()) {
            found.add("ungrouped number " + number.group());
        }
        try {
            new MessageFormat(text, Locale.FRENCH);
        } catch (IllegalArgumentException e) {
            found.add("not a valid message pattern: " + e.getMessage());
        }
        return found;
    }

    /** A colon in an address ("https://") or a time typed as an example ("6:30") is not punctuation. */
    private static boolean exempt(String text, int i) {
        char before = text.charAt(i - 1);
        char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        return text.charAt(i) == ':' && (after == '/' || Character.isDigit(before) && Character.isDigit(after));
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
