package fr.convergence.terrain.core.store;

import fr.convergence.terrain.core.security.DataKey;
import org.jooq.Configuration;

/**
 * Whether the store is encrypted and, while a person is signed in, its data key (ADR 0005). A store gets its key
 * at installation (or when an older store is first opened by an account); until then its fields are clear. Once
 * it has one, an encrypted field cannot be read or written without the key.
 */
final class StoreKey {

    static final String CONFIGURATION_KEY = "terrain.store-key";
    static final String LOCKED = "Les données de ce poste sont chiffrées\u00a0: connectez-vous (identifiant et mot de "
            + "passe d’un compte du poste, ou clé de secours) pour les lire ou les modifier.";

    private volatile boolean encrypted;
    private volatile DataKey key;

    StoreKey(boolean encrypted) {
        this.encrypted = encrypted;
    }

    static StoreKey of(Configuration configuration) {
        Object state = configuration == null ? null : configuration.data(CONFIGURATION_KEY);
        if (state instanceof StoreKey storeKey) {
            return storeKey;
        }
        throw new StoreException("Donnée chiffrée lue ou écrite hors du fichier de données qui en a la clé.");
    }

    boolean encrypted() {
        return encrypted;
    }

    boolean unlocked() {
        return key != null;
    }

    void unlock(DataKey dataKey) {
        key = dataKey;
        encrypted = true;
    }

    void lock() {
        key = null;
    }

    DataKey key() {
        DataKey current = key;
        if (current == null) {
            throw new StoreException(LOCKED);
        }
        return current;
    }

    /** The key for a field, or null when the store has no key yet (fields still clear). */
    DataKey forField() {
        DataKey current = key;
        if (current == null && encrypted) {
            throw new StoreException(LOCKED);
        }
        return current;
    }
}
