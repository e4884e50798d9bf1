package fr.convergence.terrain.hub.console;

import fr.convergence.terrain.core.security.PasswordHasher.PasswordHash;

/**
 * A person who signs in to the hub console: a national account (every territory, second factor required) or a
 * territory coordinator (their territory only). {@code failedAttempts} and {@code lastFailureAt} make the delay
 * after wrong passwords; {@code lastTotpStep} is the last code accepted, never accepted twice.
 */
public record ConsoleAccount(String login, String name, Role role, String territoryId, PasswordHash password,
                             String totpSecret, long createdAt, Long disabledAt, int failedAttempts,
                             Long lastFailureAt, long lastTotpStep) {

    public enum Role {
        NATIONAL("national"), COORDINATOR("coordinator");

        private final String code;

        Role(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Role of(String code) {
            for (Role role : values()) {
                if (role.code.equals(code)) {
                    return role;
                }
            }
            throw new IllegalArgumentException("Rôle inconnu : " + code + " (national ou coordinator)");
        }
    }

    public boolean disabled() {
        return disabledAt != null;
    }

    public boolean needsSecondFactor() {
        return totpSecret != null;
    }

    /** Whether this account may see and act on the territory's worksites and laptops. */
    public boolean mayAccess(String territory) {
        return role == Role.NATIONAL || (territory != null && territory.equals(territoryId));
    }
}
