package fr.convergence.terrain.core.text;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import java.util.Comparator;
import java.util.function.Function;

/**
 * The one order for names listed anywhere (screens, print-outs, CSV): French collation, as a French reader looks
 * names up — accents second ("Bérenger" with the B's, "Élodie" before "Frédéric"), "œ" as "oe" ("Bœuf" before
 * "Bouchard"), case last. SQLite's ORDER BY compares bytes (É after Z) and names are encrypted at rest, so lists
 * are sorted in Java with this, never in SQL.
 */
public final class NameOrder {

    /** ICU's collator is safe to share between threads once frozen. */
    private static final Collator FRENCH = Collator.getInstance(ULocale.FRENCH).freeze();

    /** Texts in French order; null sorts as empty. */
    public static final Comparator<String> TEXT = (a, b) -> FRENCH.compare(a == null ? "" : a, b == null ? "" : b);

    private NameOrder() {
    }

    /** Items by one name: {@code NameOrder.by(User::displayName)}. */
    public static <T> Comparator<T> by(Function<? super T, String> name) {
        return Comparator.comparing(name, TEXT);
    }

    /** People as a list of names reads: last name, then first name. */
    public static <T> Comparator<T> byPerson(Function<? super T, String> lastName, Function<? super T, String> firstName) {
        return NameOrder.<T>by(lastName).thenComparing(firstName, TEXT);
    }
}
