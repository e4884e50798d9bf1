package fr.convergence.terrain.app.cli;

import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The password that opens an encrypted store for a command (ADR 0005): the commands act as a person and sign in
 * with {@link AuthService#signIn}, which unlocks the store. Read from the first line of {@code --password-file}, or
 * from the environment variable {@value #VARIABLE} (scheduled syncs, scripts). Minimal on purpose: the interactive
 * prompt and the rules of the command line's sign-in are the roles part of issue 14.
 */
final class StorePassword {

    static final String VARIABLE = "TERRAIN_PASSWORD";

    @Option(names = "--password-file", paramLabel = "FICHIER", description = "Fichier dont la première ligne est le "
            + "mot de passe du compte (les données du poste sont chiffrées). Sinon : la variable d'environnement "
            + VARIABLE + ".")
    Path file;

    /** The password given to this command, or null if none was. */
    char[] password() {
        if (file != null) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int end = text.indexOf('\n');
                return (end < 0 ? text : text.substring(0, end)).replace("\r", "").toCharArray();
            } catch (IOException e) {
                throw new UncheckedIOException("Fichier de mot de passe illisible : " + file, e);
            }
        }
        String variable = System.getenv(VARIABLE);
        return variable == null ? null : variable.toCharArray();
    }

    /** The account {@code login}, or the store's only active account when none is named. */
    static User account(TerrainStore store, String login) {
        fr.convergence.terrain.core.store.UserRepository users = new fr.convergence.terrain.core.store.UserRepository(store);
        if (login != null && !login.isBlank()) {
            return users.findByLogin(login.strip()).filter(User::active).orElseThrow(() ->
                    new IllegalArgumentException("Aucun compte actif « " + login + " » dans ce fichier de données."));
        }
        java.util.List<User> active = users.all().stream().filter(User::active).toList();
        if (active.size() != 1) {
            throw new IllegalArgumentException("Ce fichier de données a " + active.size() + " comptes actifs : "
                    + "indiquez lequel avec --user.");
        }
        return active.get(0);
    }

    /**
     * Signs {@code user} in, which opens the store's data. A store without a key (an older or a new one) needs no
     * password; an encrypted one refuses the command with what to do.
     */
    void signIn(TerrainStore store, User user) {
        char[] password = password();
        if (password == null) {
            if (store.isEncrypted()) {
                throw new IllegalArgumentException("Les données de ce poste sont chiffrées : donnez le mot de passe du "
                        + "compte « " + user.login() + " » (--password-file FICHIER ou la variable " + VARIABLE + ").");
            }
            return;
        }
        if (new AuthService(store, new PasswordHasher()).signIn(user.login(), password).isEmpty()) {
            throw new IllegalArgumentException("Mot de passe refusé pour le compte « " + user.login() + " ».");
        }
    }
}
