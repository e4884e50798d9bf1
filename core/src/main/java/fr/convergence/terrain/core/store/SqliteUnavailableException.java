package fr.convergence.terrain.core.store;

/**
 * SQLite's native library could not be loaded ({@link SqliteLibrary}): a damaged installation, or a temporary folder
 * where programs may not run ({@code noexec}), where sqlite-jdbc copies its library before loading it. No data file
 * can then be opened; the message says so in French, and what to do.
 */
public final class SqliteUnavailableException extends StoreException {

    SqliteUnavailableException(String detail, Throwable cause) {
        super("Convergence Terrain ne peut pas ouvrir ses données\u00a0: le moteur de base de données (SQLite) n’a pas "
                + "pu être chargé sur cet ordinateur. Réinstallez l’application\u00a0; si cela ne suffit pas, vérifiez "
                + "que le dossier temporaire (" + SqliteLibrary.temporaryFolder() + ") autorise l’exécution de "
                + "programmes (il ne doit pas être monté en «\u00a0noexec\u00a0») ou demandez à votre service "
                + "informatique d’en indiquer un autre. Vos données n’ont pas été touchées.\nDétail pour le "
                + "support\u00a0: " + detail, cause);
    }
}
