package fr.convergence.terrain.core.note;

import fr.convergence.terrain.core.text.Labels;
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
 * The CNIL reminder for free-text fields (notes…): spots words that the CNIL's guidance on comment fields ("zones
 * bloc-notes") says do not belong there unless indispensable — health, racial or ethnic origin, religious or
 * philosophical beliefs, political opinions, union membership, sexual life or orientation (art. 9 GDPR), offences,
 * convictions and justice measures (art. 10), the social-security number, and subjective or insulting judgments on
 * the person — and answers with a gentle WARNING, never a refusal, so a note that needs such a fact can still be
 * saved. Matching ignores case and accents and works on whole words; a term ending in {@code *} also matches the
 * words it starts ("condamn*" finds "condamnée", "condamnation"), and a whole word of four letters or more also
 * matches its plural and feminine forms ("santé", "santés"; "agressif" is listed with its forms). The names of
 * schemes every person may have ("assurance maladie", "complémentaire santé", "droits santé", "bilan de santé")
 * say nothing about the person's health and raise nothing.
 */
public final class SensitiveDataHint {

    /** The kinds of sensitive data the reminder names. */
    public enum Category {
        SANTE,
        ORIGINE,
        RELIGION,
        OPINIONS,
        VIE_SEXUELLE,
        INFRACTIONS,
        NIR,
        JUGEMENT;

        public String label() {
            return Labels.french(this);
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
    /** A social-security number typed in full (13 digits, or 15 with the key), spaced or not, Corsica included. */
    private static final Pattern NIR_DIGITS = Pattern.compile(
            "(?<![\\d])[12]\\s?\\d{2}\\s?\\d{2}\\s?(?:\\d{2}|2[abAB])\\s?\\d{3}\\s?\\d{3}(?:\\s?\\d{2})?(?![\\d])");
    private static final List<Term> TERMS = new ArrayList<>();
    /** Scheme names that contain a sensitive word but reveal nothing about the person (folded, whole words). */
    private static final List<String[]> HARMLESS = List.of(new String[] {"assurance", "maladie"},
            new String[] {"assurances", "maladie"}, new String[] {"complementaire", "sante"},
            new String[] {"droits", "sante"}, new String[] {"droit", "sante"}, new String[] {"bilan", "sante"},
            new String[] {"bilan", "de", "sante"}, new String[] {"examen", "de", "prevention", "en", "sante"},
            new String[] {"maison", "de", "sante"}, new String[] {"centre", "de", "sante"},
            new String[] {"proces", "verbal"});

    static {
        terms(Category.SANTE, "sante", "maladie*", "malade*", "medical*", "medecin*", "hopital", "hopitaux",
                "soins", "diabet*", "cancer*", "tumeur*", "chimiotherapie*",
                "vih", "sida", "seropositi*", "hepatite*", "tuberculose", "depressi*", "psychiatr*", "psycholog*",
                "psychose*", "psychotique*", "schizophren*", "bipolaire*", "trouble* psychique*", "mental",
                "mentale", "mentaux", "suicid*", "handicap*", "invalidite*", "mdph", "rqth", "alcool",
                "alcoolique*", "alcoolisme", "addiction*", "addict", "toxicomane*", "toxicomanie*", "drogue*",
                "cannabis", "heroine", "methadone", "subutex", "sevrage*", "hospitalis*", "grossesse*", "enceinte",
                "ivg", "fausse couche", "epilep*", "asthme", "asthmatique*", "medicament*", "antidepresseur*",
                "anxiolytique*", "therapie*", "therapeut*");
        terms(Category.ORIGINE, "origine*", "originaire*", "ethnie*", "ethnique*", "race", "racial*",
                "couleur de peau", "maghrebin*", "africain*", "arabe*", "asiatique*", "metis*", "rom", "roms",
                "gitan*", "tzigane*", "manouche*", "sans papiers");
        terms(Category.RELIGION, "religion*", "religieu*", "croyant*", "athee*", "musulman*",
                "islam*", "chretien*", "catholique*", "protestant*", "evangeli*", "juif", "juifs", "juive*",
                "judaisme", "bouddhis*", "hindou*", "mosquee*", "eglise*", "synagogue*", "ramadan",
                "careme", "halal", "casher", "kasher", "voile islamique", "franc macon*");
        terms(Category.OPINIONS, "opinion* politique*", "parti politique", "partis politiques", "politiquement",
                "militant*", "syndicat*", "syndical*", "syndique*", "syndicaliste*", "cgt", "cfdt", "gilet* jaune*",
                "extreme droite", "extreme gauche", "communiste*", "anarchiste*", "fasciste*", "nationaliste*");
        terms(Category.VIE_SEXUELLE, "homosexu*", "heterosexu*", "bisexu*", "lesbienne*", "gay", "gays", "lgbt*",
                "transgenre*", "orientation* sexuelle*", "vie sexuelle", "sexuel*", "sexualite*", "prostitu*",
                "travail du sexe", "ist", "mst");
        terms(Category.INFRACTIONS, "casier judiciaire", "condamn*", "incarcer*", "prison*", "detenu*",
                "garde a vue", "sursis", "bracelet electronique", "spip", "delit*", "infraction*", "recidiv*",
                "travail d interet general", "tig", "mise en examen", "judiciaire*", "tribunal", "tribunaux",
                "justice", "proces", "penal*", "probation", "ecroue*", "plainte*");
        terms(Category.NIR, "numero de securite sociale", "numero de secu", "nir");
        terms(Category.JUGEMENT, "paresseu*", "faineant*", "feignant*", "menteu*", "mytho*", "agressif",
                "agressifs", "agressive", "agressives", "manipulat*", "profiteu*", "incapable*", "stupide*",
                "idiot*", "debile*", "bete", "betes", "hysterique*", "caracteriel*", "irrecuperable*",
                "insupportable*", "dingue*", "cingle*", "alcoolo*", "cas social",
                "toxico", "toxicos");
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
                if (end > 0 && !harmless(folded, i, end)) {
                    found.add(new Match(term.category(), text.substring(spans.get(i)[0], spans.get(end - 1)[1])));
                }
            }
        }
        Matcher nir = NIR_DIGITS.matcher(text);
        while (nir.find()) {
            found.add(new Match(Category.NIR, nir.group()));
        }
        return List.copyOf(found);
    }

    /** OK, or a WARNING that reminds the CNIL guidance and names the spotted words; saving stays allowed. */
    public static Verdict check(String text) {
        List<Match> matches = find(text);
        if (matches.isEmpty()) {
            return Verdict.ok();
        }
        String words = matches.stream().map(m -> "«\u00a0" + m.word() + "\u00a0»").distinct()
                .collect(Collectors.joining(", "));
        String categories = matches.stream().map(m -> m.category().label()).distinct()
                .collect(Collectors.joining(", "));
        return Verdict.warning("Petit rappel (CNIL)\u00a0: une note d’accompagnement reste factuelle et ne mentionne des "
                + "données sensibles (" + categories + ") que si c’est indispensable à l’accompagnement. "
                + "Mots repérés\u00a0: " + words + ". Vous pouvez reformuler, ou enregistrer la note telle quelle.");
    }

    /** The index after the last word matched by {@code term} starting at {@code start}, or -1. */
    private static int matchAt(Term term, List<String> words, int start) {
        String[] parts = term.words();
        if (start + parts.length > words.size()) {
            return -1;
        }
        for (int k = 0; k < parts.length; k++) {
            String word = words.get(start + k);
            if (term.prefixes()[k] ? !word.startsWith(parts[k]) : !inflectionOf(word, parts[k])) {
                return -1;
            }
        }
        return start + parts.length;
    }

    /** The word itself, or for a word of four letters or more, its plural or feminine (-s, -x, -e, -es). */
    private static boolean inflectionOf(String word, String term) {
        if (word.equals(term)) {
            return true;
        }
        if (term.length() < 4 || !word.startsWith(term)) {
            return false;
        }
        String ending = word.substring(term.length());
        return ending.equals("s") || ending.equals("x") || ending.equals("e") || ending.equals("es");
    }

    /** Whether the words from {@code start} are part of a harmless scheme name around them. */
    private static boolean harmless(List<String> words, int start, int end) {
        for (String[] phrase : HARMLESS) {
            for (int from = Math.max(0, end - phrase.length); from <= start && from + phrase.length <= words.size();
                    from++) {
                boolean all = true;
                for (int k = 0; k < phrase.length && all; k++) {
                    all = words.get(from + k).equals(phrase[k]);
                }
                if (all) {
                    return true;
                }
            }
        }
        return false;
    }

    static String fold(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae")
                .toLowerCase(Locale.ROOT);
    }
}
