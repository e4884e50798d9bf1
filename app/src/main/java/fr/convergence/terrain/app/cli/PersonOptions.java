package fr.convergence.terrain.app.cli;

import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.account.SignInDelayedException;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The person a command acts as, for every command that reads or writes personal data ({@code print}, {@code report},
 * {@code edit}, {@code sync}): the account is named with {@code --user} — always, there is no default account — and
 * signs in with its password through {@link AuthService#signIn}, as in the application, before the command reads
 * anything; that account's rights then apply to what the command reads and writes.
 *
 * <p>The password comes, in this order, from {@code --password-file} (its first line), from the environment variable
 * named by {@code --password-env}, from {@value #DEFAULT_VARIABLE} when it is set, or else it is asked for on the
 * console. Exit codes: {@value #USAGE} when no account or no password is given, {@value #SIGN_IN_REFUSED} when the
 * sign-in is refused (a wrong password, an unknown or inactive account, or a try during the delay after wrong
 * passwords) — not 3 or 4, which {@code terrain sync} already uses for a network cut and a hub refusal.
 */
final class PersonOptions {

    static final String DEFAULT_VARIABLE = "TERRAIN_PASSWORD";
    static final int USAGE = 2;
    static final int SIGN_IN_REFUSED = 5;

    @Option(names = "--user", paramLabel = "IDENTIFIANT", description = "Compte au nom duquel agir\u00a0: ses droits "
            + "décident de ce que la commande lit et écrit (obligatoire, pas de compte par défaut).")
    String user;

    @Option(names = "--password-file", paramLabel = "FICHIER", description = "Fichier dont la première ligne est le "
            + "mot de passe (pour les scripts\u00a0; gardez-le lisible de vous seul·e).")
    Path passwordFile;

    @Option(names = "--password-env", paramLabel = "VARIABLE", description = "Variable d’environnement qui contient le "
            + "mot de passe. Sans --password-file ni --password-env\u00a0: " + DEFAULT_VARIABLE + " si elle existe, sinon "
            + "le mot de passe est demandé.")
    String passwordEnv;

    /**
     * Signs the named account in on {@code store}, for {@code command} (whose root gives the {@link Terminal}).
     *
     * @throws SignInRefusedException when no account is named, no password can be read, or the sign-in is refused
     */
    User signIn(TerrainStore store, CommandLine.Model.CommandSpec command) {
        if (user == null || user.isBlank()) {
            throw new SignInRefusedException(USAGE, "Indiquez le compte au nom duquel agir\u00a0: --user IDENTIFIANT "
                    + "(ses droits s’appliquent à ce que la commande lit et écrit).");
        }
        char[] password = password(user, command);
        AuthService auth = new AuthService(store, new PasswordHasher());
        Optional<User> signedIn;
        try {
            signedIn = auth.signIn(user, password);
        } catch (SignInDelayedException e) {
            throw new SignInRefusedException(SIGN_IN_REFUSED, e.getMessage());
        }
        if (signedIn.isEmpty()) {
            Duration wait = auth.remainingDelay(user);
            throw new SignInRefusedException(SIGN_IN_REFUSED, "Identifiant ou mot de passe incorrect pour «\u00a0" + user
                    + "\u00a0»\u00a0: rien n’a été lu ni modifié. Prochain essai possible dans "
                    + SignInDelayedException.seconds(wait) + " s.");
        }
        return signedIn.get();
    }

    /** The password for {@code login}, from the first source given (see the class); never empty. */
    char[] password(String login, CommandLine.Model.CommandSpec command) {
        if (passwordFile != null) {
            return fromFile(passwordFile);
        }
        Terminal terminal = command.root().userObject() instanceof TerrainCommand terrain ? terrain.terminal()
                : Terminal.SYSTEM;
        if (passwordEnv != null) {
            String value = terminal.variable(passwordEnv);
            if (value == null || value.isEmpty()) {
                throw new SignInRefusedException(USAGE, "La variable d’environnement " + passwordEnv + " (--password-env)"
                        + " n’existe pas ou est vide\u00a0: définissez-la avec le mot de passe de «\u00a0" + login + "\u00a0».");
            }
            return value.toCharArray();
        }
        String fallback = terminal.variable(DEFAULT_VARIABLE);
        if (fallback != null && !fallback.isEmpty()) {
            return fallback.toCharArray();
        }
        char[] typed = terminal.readPassword("Mot de passe de «\u00a0" + login + "\u00a0»\u00a0: ");
        if (typed == null) {
            throw new SignInRefusedException(USAGE, "Pas de terminal pour demander le mot de passe de «\u00a0" + login
                    + "\u00a0»\u00a0: donnez-le avec --password-file FICHIER (sa première ligne), ou dans la variable "
                    + "d’environnement " + DEFAULT_VARIABLE + " (ou celle nommée par --password-env).");
        }
        if (typed.length == 0) {
            throw new SignInRefusedException(USAGE, "Aucun mot de passe saisi pour «\u00a0" + login + "\u00a0».");
        }
        return typed;
    }

    private static char[] fromFile(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            if (line == null || line.isEmpty()) {
                throw new SignInRefusedException(USAGE, "La première ligne de " + file + " (--password-file) est vide\u00a0:"
                        + " écrivez-y le mot de passe.");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new SignInRefusedException(USAGE, "Impossible de lire le mot de passe dans " + file
                    + " (--password-file)\u00a0: vérifiez le chemin et les droits du fichier.");
        }
    }
}
