package fr.convergence.terrain.core.note;

import fr.convergence.terrain.core.verdict.Verdict;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The CNIL reminder for free-text notes: spots words about health, origin, religion, sexual life or offences
 * (the "données sensibles" of article 9 and 10 GDPR) and answers with a gentle WARNING, never a refusal, so a
 * note that needs such a fact can still be saved. Matching ignores case and accents and works on whole words;
 * a term ending in {@code *} also matches the words it starts ("condamn*" finds "condamnée", "condamnation").
 */
public final class SensitiveDataHint {

    /** The kinds of sensitive data the reminder names. */
    public enum Category {
        SANTE("santé"),
        ORIGINE("origine"),
        RELIGION("religion"),
        VIE_SEXUELLE("vie sexuelle"),
        INFRACTIONS("infractions et condamnations");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One spotted word, as the user typed it. */
    public record Match(Category category, String word) {
    }

    /** A term of one or more words; a word ending in {@code *} matches every word it starts. */
    private record Term(Category category, String[] words, boolean[] prefixes) {
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final List<Term> TERMS = new ArrayList<>();

    static {
        terms(Category.SANTE, "maladie*", "malade*", "diabet*", "cancer*", "tumeur*", "chimiotherapie*",
                "vih", "sida", "seropositi*", "hepatite*", "tuberculose", "depressi*", "psychiatr*",
                "psychose*", "psychotique*", "schizophren*", "bipolaire*", "trouble* psychique*", "suicid*",
                "handicap*", "invalidite*", "mdph", "rqth", "alcoolique*", "alcoolisme", "addiction*", "addict",
                "toxicomane*", "toxicomanie*", "drogue*", "cannabis", "heroine", "methadone", "subutex", "sevrage*",
                "hospitalis*", "grossesse*", "ivg", "fausse couche", "epilep*",
                "asthme", "asthmatique*", "medicament*", "antidepresseur*", "anxiolytique*");
        terms(Category.ORIGINE, "origine*", "originaire*", "ethnie*", "ethnique*", "race", "races", "racial*",
                "couleur de peau", "maghrebin*", "africain*", "arabe*", "rom", "roms", "gitan*", "tzigane*",
                "sans papiers");
        terms(Category.RELIGION, "religion*", "religieu*", "croyant*", "musulman*", "islam*", "chretien*",
                "catholique*", "protestant*", "evangeli*", "juif", "juifs", "juive*", "judaisme", "bouddhis*",
                "hindou*", "mosquee*", "eglise*", "synagogue*", "ramadan", "careme", "halal", "casher",
                "kasher");
        terms(Category.VIE_SEXUELLE, "homosexu*", "heterosexu*", "bisexu*", "lesbienne*", "gay", "gays",
                "transgenre*", "orientation sexuelle", "vie sexuelle", "sexualite*", "prostitu*", "travail du sexe",
                "ist", "mst");
        terms(Category.INFRACTIONS, "casier judiciaire", "condamn*", "incarcer*", "prison*", "detenu*",
                "garde a vue", "sursis", "bracelet electronique", "spip", "delit*", "infraction*", "recidiv*",
                "travail d interet general", "tig", "mise en examen");
    }

    private SensitiveDataHint() {
    }

    private static void terms(Category category, String... terms) {
        for (String term : terms) {
            String[] words = term.split(" ");
            boolean[] prefixes = new boolean[words.length];
            for (int i = 0; i < words.length; i++) {
                prefixes[i] = words[i].endsWith("*");
                words[i] = prefixes[i] ? words[i].substring(0, words[i].length() - 1) : words[i];
            }
            TERMS.add(new Term(category, words, prefixes));
        }
    }

    /** The sensitive words in {@code text}, in the order they appear, each once. */
    public static List<Match> find(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<int[]> spans = new ArrayList<>();
        List<String> folded = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
            folded.add(fold(matcher.group()));
        }
        Set<Match> found = new LinkedHashSet<>();
        for (int i = 0; i < folded.size(); i++) {
            for (Term term : TERMS) {
                int end = matchAt(term, folded, i);
                if (end > 0) {
                    found.add(new Match(term.category(), text.substring(spans.get(i)[0], spans.get(end - 1)[1])));
                }
            }
        }
        return List.copyOf(found);
    }

    /** OK, or a WARNING that reminds the CNIL guidance and names the spotted words; saving stays allowed. */
    public static Verdict check(String text) {
        List<Match> matches = find(text);
        if (matches.isEmpty()) {
            return Verdict.ok();
        }
        String words = matches.stream().map(m -> "« " + m.word() + " »").distinct()
                .collect(Collectors.joining(", "));
        String categories = matches.stream().map(m -> m.category().label()).distinct()
                .collect(Collectors.joining(", "));
        return Verdict.warning("Petit rappel (CNIL) : une note d'accompagnement reste factuelle et ne mentionne des "
                + "données sensibles (" + categories + ") que si c'est indispensable à l'accompagnement. "
                + "Mots repérés : " + words + ". Vous pouvez reformuler, ou enregistrer la note telle quelle.");
    }

    /** The index after the last word matched by {@code term} starting at {@code start}, or -1. */
    private static int matchAt(Term term, List<String> words, int start) {
        String[] parts = term.words();
        if (start + parts.length > words.size()) {
            return -1;
        }
        for (int k = 0; k < parts.length; k++) {
            String word = words.get(start + k);
            if (term.prefixes()[k] ? !word.startsWith(parts[k]) : !word.equals(parts[k])) {
                return -1;
            }
        }
        return start + parts.length;
    }

    static String fold(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae")
                .toLowerCase(Locale.ROOT);
    }
}
