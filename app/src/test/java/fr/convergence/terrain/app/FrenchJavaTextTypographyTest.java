package fr.convergence.terrain.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The French texts written in Java — refusals and errors of the core, the sync client's messages, the command line,
 * the screens' few texts not in the bundle — follow the same typography as the bundles ({@link FrenchTypographyRules}).
 *
 * <p>Every string literal of {@code src/main/java} in core, app, sync/client and sync/protocol is read (sync/hub has
 * its own owner). A literal is French when it has a letter only French uses (é, à, ç, œ…) or a French little word
 * (« le », « de », « pas », « n’ »…): such a literal gets every rule but the ones about whole patterns (a literal is
 * often a piece of a sentence). Any other literal only gets the spacing rules, since no other language puts a plain
 * space before : ; ! ? or writes « »: that catches {@code " : "} between two values. Left out: the arguments of a
 * log call (English, for the developer), SQL, date and regular-expression patterns, and {@link #STORED} texts.
 */
class FrenchJavaTextTypographyTest {

    private static final List<String> MODULES = List.of("core", "app", "sync/client", "sync/protocol");
    private static final Pattern FRENCH = Pattern.compile("[àâçéèêëîïôûùüÿœæÀÂÇÉÈÊÎÔÛŒ]|(?i)\\b(?:le|la|les|de|des|du|"
            + "un|une|est|pas|ce|cette|pour|dans|sur|aux?|et|ou|ne|il|elle|vous|sont|ni|plus|avec|par|sans|[nldsc]['’])\\b");
    /** Statements whose literals are not read by a user, or must keep their exact characters. */
    private static final Pattern NOT_USER_TEXT = Pattern.compile(
            "\\b(?:LOG|log|LOGGER|logger)\\.\\w+\\(|ofPattern\\(|Pattern\\.compile\\(");
    private static final Pattern SQL = Pattern.compile("\\b(?:SELECT|INSERT|UPDATE|DELETE|WHERE|VALUES|VACUUM|PRAGMA|"
            + "CREATE|ALTER)\\b");
    /**
     * Texts kept as they are, file by file, with the reason: they are data compared with what is already stored, or
     * names as people write them.
     */
    private static final Map<String, String> STORED = Map.of(
            "Partner.java", "the usual documents' names are saved in each referral's document list and compared with it",
            "DemoNames.java", "demo people's and streets' names, written as they are typed (and searched for by tests)");

    @Test
    void everyFrenchTextWrittenInJavaFollowsFrenchTypography() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> breaches = new ArrayList<>();
        int read = 0;
        for (String module : MODULES) {
            try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    if (STORED.containsKey(file.getFileName().toString())) {
                        continue;
                    }
                    String source = Files.readString(file, StandardCharsets.UTF_8);
                    for (Literal literal : literals(source)) {
                        read++;
                        breaches(source, literal).forEach(b -> breaches.add(root.relativize(file) + ":" + literal.line()
                                + " \"" + literal.text() + "\": " + b));
                    }
                }
            }
        }
        assertThat(read).as("string literals read").isGreaterThan(1000);
        assertThat(breaches).isEmpty();
    }

    @Test
    void theCheckReadsLiteralsAndCatchesTheBreachesOfJavaTexts() {
        String source = """
                // "Chantier : pas un texte" (a comment)
                /* 'n'importe quoi : non plus' */
                char quote = '"';
                String a = "Salarié·e introuvable : " + id;
                String b = "Ce chantier n'est pas dans votre périmètre.";
                String c = name + " : " + value;
                String d = "Le motif \\u00ab " + x + " \\u00bb ne va pas";
                String e = "{0} case(s) copiée(s)";
                String f = "Chantier\\u00a0: «\\u00a0{0}\\u00a0» à 6:30, https://hub.fr ; \\"ok\\"";
                LOG.warn("Store {} : can't open", file);
                String g = "UPDATE t SET c = ? WHERE id = ?";
                DateTimeFormatter h = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm");
                String i = "jdbc:sqlite:" + "hours:" + id + "it's";
                """;
        List<Literal> literals = literals(source);
        assertThat(literals).extracting(Literal::line).containsExactly(4, 5, 6, 7, 7, 8, 9, 10, 11, 12, 13, 13, 13);
        assertThat(literals.get(3).text()).isEqualTo("Le motif « ");
        assertThat(literals).extracting(l -> breaches(source, l).size())
                .containsExactly(1, 1, 1, 1, 1, 2, 1, 0, 0, 0, 0, 0, 0);
    }

    private static List<String> breaches(String source, Literal literal) {
        String text = literal.text();
        String statement = source.substring(statementStart(source, literal.offset()), literal.offset());
        if (NOT_USER_TEXT.matcher(statement).find() || SQL.matcher(text).find()) {
            return List.of();
        }
        if (FRENCH.matcher(text).find()) {
            List<String> found = new ArrayList<>(FrenchTypographyRules.apostropheAndPluralBreaches(text));
            found.addAll(FrenchTypographyRules.spacingBreaches(text));
            return found;
        }
        List<String> found = new ArrayList<>();
        if (FrenchTypographyRules.hasPlainSpaceBeforePunctuation(text)) {
            found.add("plain space before : ; ! or ? (write \\u00a0)");
        }
        if (text.indexOf('«') >= 0 || text.indexOf('»') >= 0) {
            found.addAll(FrenchTypographyRules.spacingBreaches(text));
        }
        return found;
    }

    /** Where the statement holding {@code offset} begins: after the last ; { or } (good enough for a log call). */
    private static int statementStart(String source, int offset) {
        int start = 0;
        for (char end : new char[] {';', '{', '}'}) {
            start = Math.max(start, source.lastIndexOf(end, offset - 1) + 1);
        }
        return start;
    }

    /** A string literal: its line, the offset of its opening quote, and its text with the escapes decoded. */
    record Literal(int line, int offset, String text) {
    }

    /** The string literals and text blocks of a Java source, comments and character literals skipped. */
    static List<Literal> literals(String source) {
        List<Literal> found = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2) + 2;
                line += count(source, i, end);
                i = end;
            } else if (c == '\'') {
                i = closing(source, i + 1, "'") + 1;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = closing(source, i + 3, "\"\"\"");
                found.add(new Literal(line, i, unescape(source.substring(source.indexOf('\n', i) + 1, end))));
                line += count(source, i, end);
                i = end + 3;
            } else if (c == '"') {
                int end = closing(source, i + 1, "\"");
                found.add(new Literal(line, i, unescape(source.substring(i + 1, end))));
                i = end + 1;
            } else {
                i++;
            }
        }
        return found;
    }

    /** The index of {@code quote} closing a literal whose text starts at {@code from}, escapes skipped. */
    private static int closing(String source, int from, String quote) {
        int i = from;
        while (!source.startsWith(quote, i)) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    private static int count(String source, int from, int to) {
        return (int) source.substring(from, to).chars().filter(ch -> ch == '\n').count();
    }

    private static String unescape(String raw) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            char escaped = raw.charAt(++i);
            if (escaped == 'u') {
                while (raw.charAt(i) == 'u') {
                    i++;
                }
                text.append((char) Integer.parseInt(raw.substring(i, i + 4), 16));
                i += 3;
            } else {
                text.append(switch (escaped) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 's' -> ' ';
                    case 'r' -> '\r';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case '0' -> '\0';
                    default -> escaped;
                });
            }
        }
        return text.toString();
    }
}
