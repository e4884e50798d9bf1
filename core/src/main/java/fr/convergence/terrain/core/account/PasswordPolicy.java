package fr.convergence.terrain.core.account;

import fr.convergence.terrain.core.verdict.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The rule a new local password follows (when an account is created or its password set, never at sign-in: older
 * accounts with shorter passwords keep signing in).
 *
 * <ul>
 *   <li>At least {@link #MIN_LENGTH} characters. A passphrase — a few words with spaces or dashes — is the way we
 *   suggest to get there: easy to type on a worksite, hard to guess. We ask for length, not for a mix of character
 *   kinds: the doubling delay after wrong passwords ({@link AuthService}) makes trying many passwords slow.</li>
 *   <li>Not one of the most common passwords ({@code common-passwords.txt}, French and international, a few hundred),
 *   nor one of them followed by digits or signs ({@code soleil2024!}), compared without case or accents.</li>
 *   <li>Not the login, and not one character or two repeated ({@code aaaaaaaaaa}).</li>
 * </ul>
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Every problem of {@code password} for the account {@code login} (may be null), in French, saying what to do. */
    public static Verdict check(char[] password, String login) {
        if (password == null || password.length < MIN_LENGTH) {
            return Verdict.refused("Le mot de passe compte au moins " + MIN_LENGTH + " caractères\u00a0: allongez-le, "
                    + "par exemple avec quelques mots séparés par des tirets («\u00a0rouge-velo-lundi-soir\u00a0»).");
        }
        String normalized = normalize(new String(password));
        if (isCommon(normalized)) {
            return Verdict.refused("Ce mot de passe fait partie des plus courants, que l’on devine en premier\u00a0: "
                    + "choisissez-en un autre, par exemple quelques mots sans rapport entre eux.");
        }
        if (login != null && !login.isBlank() && normalized.contains(normalize(login))) {
            return Verdict.refused("Le mot de passe ne doit pas contenir l’identifiant\u00a0: choisissez-en un autre.");
        }
        if (normalized.chars().distinct().count() < 3) {
            return Verdict.refused("Le mot de passe répète un ou deux caractères\u00a0: choisissez-en un plus varié.");
        }
        return Verdict.ok();
    }

    /** The password itself, or the word before trailing digits and signs, is in the list. */
    private static boolean isCommon(String normalized) {
        if (COMMON.contains(normalized)) {
            return true;
        }
        String stem = normalized.replaceAll("[^\\p{L}]+$", "");
        return !stem.isEmpty() && COMMON.contains(stem);
    }

    /** Lower case, accents removed, so « MotDePasse », « motdepasse » and « mötdepasse » are one. */
    static String normalize(String text) {
        String decomposed = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "");
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt manque dans l’application");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(normalize(word));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
