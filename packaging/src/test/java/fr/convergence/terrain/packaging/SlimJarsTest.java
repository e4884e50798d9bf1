package fr.convergence.terrain.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.OSInfo;

/**
 * The installer's slimmed jars still do what the application asks of them: each test loads the slimmed copy of the
 * real jar in a class loader of its own and runs the application's uses (an SQLite connection through the native
 * library; ICU's French and English plurals, number grouping and French collation), compared with the whole jar.
 */
class SlimJarsTest {

    /** The same pattern shapes as {@code MessagePatterns}' callers (DemoCommand, PrintTexts): plurals and numbers. */
    private static final String PATTERN = "{0, plural, one {# chantier} other {# chantiers}}, "
            + "{1, plural, one {# cellule} other {# cellules}}, {2, number}";
    private static final List<String> NAMES = List.of("Zoé", "Émile", "eric", "Eli", "Œillet", "Oeuvre", "côte",
            "coté", "cote", "Ça", "Cb", "Lefèvre", "Lefebvre", "Nguyễn", "Ngo");

    /** This machine's platform, as sqlite-jdbc names its native folder ({@code Linux/x86_64}). */
    private static final String HERE = OSInfo.getNativeLibFolderPathForCurrentOS();
    private static final String FRENCH_SUMMARY = "2 chantiers, 5\u202f699 cellules, 60\u202f564";

    @TempDir
    Path dir;

    @Test
    void theSqliteDriverKeepsOnlyThisPlatformsNativeLibraryAndStillOpensADatabase() throws Exception {
        Path jar = SlimJars.slimCopy(jarOf(org.sqlite.JDBC.class), dir.resolve("sqlite.jar"),
                SlimJars.keepSqliteNative(HERE));

        List<String> natives = filesUnder(jar, "org/sqlite/native/");
        assertThat(natives).isNotEmpty()
                .allMatch(name -> name.startsWith("org/sqlite/native/" + HERE + "/"));
        assertThat(Files.size(jar)).isLessThan(Files.size(jarOf(org.sqlite.JDBC.class)) / 4);
        assertThat(sqliteVersion(jar)).matches("3\\.\\d+\\.\\d+");
    }

    @Test
    void theLinuxInstallersDriverKeepsTheLinuxNativeLibrary() {
        Path jar = SlimJars.slimCopy(jarOf(org.sqlite.JDBC.class), dir.resolve("sqlite-linux.jar"),
                SlimJars.keepSqliteNative("Linux/x86_64"));

        assertThat(filesUnder(jar, "org/sqlite/native/"))
                .containsExactly("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so");
    }

    @Test
    void theKeptNativeLibraryIsUnpackedAsItIsInTheJarUnderTheNameSqliteLooksFor() throws Exception {
        Path jar = SlimJars.slimCopy(jarOf(org.sqlite.JDBC.class), dir.resolve("sqlite-unpack.jar"),
                SlimJars.keepSqliteNative(HERE));

        Path unpacked = SlimJars.unpackSqliteNative(jar, HERE, dir.resolve("input").resolve("sqlite-native"));

        String entry = filesUnder(jar, "org/sqlite/native/" + HERE + "/").get(0);
        // sqlite-jdbc loads org.sqlite.lib.path/org.sqlite.lib.name; the launchers give the jar's own file name
        assertThat(unpacked.getFileName().toString()).isEqualTo(entry.substring(entry.lastIndexOf('/') + 1));
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(Files.readAllBytes(unpacked)).isEqualTo(zip.getInputStream(zip.getEntry(entry)).readAllBytes());
        }
    }

    @Test
    void unpackingFailsForADriverWithoutThisPlatformsLibrary() {
        String elsewhere = HERE.startsWith("Windows") ? "Linux/x86_64" : "Windows/x86_64";
        Path jar = SlimJars.slimCopy(jarOf(org.sqlite.JDBC.class), dir.resolve("sqlite-other.jar"),
                SlimJars.keepSqliteNative(elsewhere));

        assertThatThrownBy(() -> SlimJars.unpackSqliteNative(jar, HERE, dir.resolve("none")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDriverSlimmedForAnotherPlatformCannotOpenADatabaseHere() {
        String elsewhere = HERE.startsWith("Windows") ? "Linux/x86_64" : "Windows/x86_64";
        Path jar = SlimJars.slimCopy(jarOf(org.sqlite.JDBC.class), dir.resolve("sqlite-elsewhere.jar"),
                SlimJars.keepSqliteNative(elsewhere));

        assertThatThrownBy(() -> SlimJars.requireFileUnder(jar, "org/sqlite/native/" + HERE + "/"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sqliteVersion(jar)).isNotNull();
    }

    @Test
    void icuSlimmedToFrenchAndEnglishFormatsAndSortsAsTheWholeJar() throws Exception {
        Path whole = jarOf(com.ibm.icu.text.MessageFormat.class);
        Path slim = SlimJars.slimCopy(whole, dir.resolve("icu.jar"), SlimJars.keepIcuLanguages(SlimJars.LANGUAGES));

        assertThat(Files.size(slim)).isLessThan(Files.size(whole) / 2);
        // French: 0 and 1 are singular; thousands grouped by a narrow no-break space (U+202F), decimal comma.
        assertThat(format(slim, Locale.FRENCH, 0, 1, 1234567.5))
                .isEqualTo("0 chantier, 1 cellule, 1\u202f234\u202f567,5");
        assertThat(format(slim, Locale.FRENCH, 2, 5699, 60564)).isEqualTo(FRENCH_SUMMARY);
        assertThat(format(slim, Locale.ENGLISH, 0, 1, 1234567.5)).isEqualTo("0 chantiers, 1 cellule, 1,234,567.5");
        assertThat(format(slim, Locale.CANADA_FRENCH, 1, 2, 60564))
                .isEqualTo(format(whole, Locale.CANADA_FRENCH, 1, 2, 60564));
        assertThat(frenchOrder(slim)).isEqualTo(frenchOrder(whole));
    }

    @Test
    void icuWithoutItsFrenchDataNoLongerWritesFrenchNumbers() throws Exception {
        Path withoutFrench = SlimJars.slimCopy(jarOf(com.ibm.icu.text.MessageFormat.class), dir.resolve("icu-en.jar"),
                SlimJars.keepIcuLanguages(Set.of("en")));

        assertThat(format(withoutFrench, Locale.FRENCH, 2, 5699, 60564)).isNotEqualTo(FRENCH_SUMMARY);
    }

    private static String sqliteVersion(Path jar) throws Exception {
        try (URLClassLoader loader = isolated(jar)) {
            Driver driver = (Driver) loader.loadClass("org.sqlite.JDBC").getConstructor().newInstance();
            try (Connection connection = driver.connect("jdbc:sqlite::memory:", new Properties());
                 ResultSet result = connection.createStatement().executeQuery("select sqlite_version()")) {
                result.next();
                return result.getString(1);
            }
        }
    }

    private static String format(Path icu, Locale locale, Object... args) throws Exception {
        try (URLClassLoader loader = isolated(icu)) {
            Class<?> messageFormat = loader.loadClass("com.ibm.icu.text.MessageFormat");
            Object format = messageFormat.getConstructor(String.class, Locale.class).newInstance(PATTERN, locale);
            return (String) messageFormat.getMethod("format", Object.class).invoke(format, (Object) args);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> frenchOrder(Path icu) throws Exception {
        try (URLClassLoader loader = isolated(icu)) {
            Class<?> collator = loader.loadClass("com.ibm.icu.text.Collator");
            Comparator<Object> french = (Comparator<Object>) collator.getMethod("getInstance", Locale.class)
                    .invoke(null, Locale.FRENCH);
            List<String> sorted = new ArrayList<>(NAMES);
            sorted.sort(french::compare);
            return sorted;
        }
    }

    private static URLClassLoader isolated(Path jar) throws IOException {
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    private static List<String> filesUnder(Path jar, String folder) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().filter(entry -> !entry.isDirectory() && entry.getName().startsWith(folder))
                    .map(entry -> entry.getName()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
