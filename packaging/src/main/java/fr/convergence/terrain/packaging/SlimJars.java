package fr.convergence.terrain.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.sqlite.util.OSInfo;

/**
 * Removes from the installer's jars what the installed application can never read (run by the {@code package}
 * profile on {@code target/jpackage-input}, before jpackage; {@code SlimJarsTest} runs the application's uses of both
 * jars on the slimmed copies):
 * <ul>
 *   <li>sqlite-jdbc carries its native library for every platform (≈ 12 MB); an installer is made for one platform, so
 *   only that platform's folder under {@code org/sqlite/native/} stays.</li>
 *   <li>ICU4J carries the data of every language (≈ 40 MB unpacked). The application asks ICU for French and English
 *   only ({@code MessagePatterns}: plurals and number grouping; {@code Texts}: numbers; {@code NameOrder}: French
 *   collation), so the locale files of other languages go, and so do the word dictionaries of Thai, Chinese and
 *   Japanese, Khmer, Lao and Burmese (break iteration, which the application does not use). Everything that is not a
 *   language's file stays: root, plural rules, number systems, normalisation, collation's base table.</li>
 * </ul>
 * Usage: {@code SlimJars DIRECTORY [SQLITE_NATIVE_FOLDER]}; the folder defaults to the platform of the JVM running the
 * build, as sqlite-jdbc names it ({@code Linux/x86_64}, {@code Windows/x86_64}, {@code Mac/aarch64}…): jpackage makes
 * installers only for the platform it runs on, with that JDK's runtime.
 */
public final class SlimJars {

    /** The languages the application is shown and prints in (jlink keeps the same: {@code --include-locales=fr,en}). */
    static final Set<String> LANGUAGES = Set.of("fr", "en");

    private static final String SQLITE_NATIVES = "org/sqlite/native/";
    /** The folder of {@code jpackage-input} (so of the installed {@code lib/app}) that holds the unpacked library. */
    static final String SQLITE_NATIVE_DIRECTORY = "sqlite-native";
    private static final String ICU_DATA = "com/ibm/icu/impl/data/icudata/";
    /** A language's data file: {@code fr.res}, {@code fr_CA.res}, {@code zh_Hant_TW.res}, {@code de__PHONEBOOK.res}. */
    private static final Pattern LOCALE_FILE = Pattern.compile("([a-z]{2,3})(_[A-Za-z0-9_]*)?\\.res");

    private SlimJars() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            throw new IllegalArgumentException("usage: SlimJars DIRECTORY [SQLITE_NATIVE_FOLDER]");
        }
        Path directory = Path.of(args[0]);
        // Maven passes an empty property as a missing or null argument.
        String nativeFolder = args.length == 2 && args[1] != null && !args[1].isBlank()
                ? args[1] : OSInfo.getNativeLibFolderPathForCurrentOS();
        try (var jars = Files.newDirectoryStream(directory, "*.jar")) {
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                if (name.startsWith("sqlite-jdbc-")) {
                    long saved = slim(jar, keepSqliteNative(nativeFolder));
                    requireFileUnder(jar, SQLITE_NATIVES + nativeFolder + "/");
                    report(name, saved, "native library kept: " + nativeFolder);
                    Path unpacked = unpackSqliteNative(jar, nativeFolder, directory.resolve(SQLITE_NATIVE_DIRECTORY));
                    System.out.printf("SlimJars: %s unpacked for org.sqlite.lib.path%n",
                            directory.relativize(unpacked));
                } else if (name.startsWith("icu4j-")) {
                    report(name, slim(jar, keepIcuLanguages(LANGUAGES)), "languages kept: " + LANGUAGES);
                }
            }
        }
    }

    /** Keeps every entry but the native libraries of other platforms than {@code folder} ({@code Linux/x86_64}). */
    static Predicate<String> keepSqliteNative(String folder) {
        String kept = SQLITE_NATIVES + folder + "/";
        return entry -> !entry.startsWith(SQLITE_NATIVES)
                || (entry.endsWith("/") ? kept.startsWith(entry) : entry.startsWith(kept));
    }

    /** Keeps every entry but ICU's data files of other languages and the break dictionaries. */
    static Predicate<String> keepIcuLanguages(Set<String> languages) {
        return entry -> {
            if (!entry.startsWith(ICU_DATA)) {
                return true;
            }
            String file = entry.substring(entry.lastIndexOf('/') + 1);
            if (file.endsWith(".dict")) {
                return false;
            }
            Matcher locale = LOCALE_FILE.matcher(file);
            return !locale.matches() || file.equals("res_index.res") || languages.contains(locale.group(1));
        };
    }

    /**
     * Rewrites {@code jar} in place with the entries {@code keep} accepts, and returns how many bytes went; fails
     * when nothing matched, so that a new layout of the jar is noticed rather than shipped whole.
     */
    static long slim(Path jar, Predicate<String> keep) throws IOException {
        Path slimmed = jar.resolveSibling(jar.getFileName() + ".slim");
        long before = Files.size(jar);
        int removed = 0;
        try (ZipFile in = new ZipFile(jar.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(slimmed))) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!keep.test(entry.getName())) {
                    removed++;
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        if (removed == 0) {
            Files.delete(slimmed);
            throw new IllegalStateException(jar + ": nothing to remove, has the jar's layout changed?");
        }
        Files.move(slimmed, jar, StandardCopyOption.REPLACE_EXISTING);
        return before - Files.size(jar);
    }

    /**
     * Copies the native library of {@code folder} out of the (slimmed) sqlite-jdbc {@code jar} into {@code target}
     * (made if needed), and returns the file. The launchers name that folder ({@code -Dorg.sqlite.lib.path}, Linux
     * for now): otherwise sqlite-jdbc copies the library out of its jar into the temporary folder at every start, with
     * an MD5 of both and a sweep of older copies (≈ 0.2 s of CPU, docs/performance.md « Startup »). The jar keeps its
     * copy, which sqlite-jdbc still uses when the folder is missing.
     */
    static Path unpackSqliteNative(Path jar, String folder, Path target) throws IOException {
        String prefix = SQLITE_NATIVES + folder + "/";
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> libraries = zip.stream()
                    .filter(entry -> !entry.isDirectory() && entry.getName().startsWith(prefix)).toList();
            if (libraries.size() != 1) {
                throw new IllegalStateException(jar + ": expected one native library under " + prefix + ", found "
                        + libraries.size());
            }
            ZipEntry library = libraries.get(0);
            Files.createDirectories(target);
            Path file = target.resolve(library.getName().substring(prefix.length()));
            try (InputStream data = zip.getInputStream(library)) {
                Files.copy(data, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        }
    }

    /** Fails when {@code jar} holds no file under {@code folder}: an installer without its native library. */
    static void requireFileUnder(Path jar, String folder) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.stream().noneMatch(entry -> !entry.isDirectory() && entry.getName().startsWith(folder))) {
                throw new IllegalStateException(jar + " has nothing under " + folder);
            }
        }
    }

    private static void report(String jar, long saved, String what) {
        System.out.printf("SlimJars: %s %,d bytes lighter (%s)%n", jar, saved, what);
    }

    /** Copies {@code jar} to {@code target} and slims the copy (for the tests). */
    static Path slimCopy(Path jar, Path target, Predicate<String> keep) {
        try {
            Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
            slim(target, keep);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
