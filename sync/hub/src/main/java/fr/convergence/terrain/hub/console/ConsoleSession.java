package fr.convergence.terrain.hub.console;

/**
 * A console session as stored (only the SHA-256 of its cookie's id): {@code complete} once every factor the account
 * needs was given; {@code csrfToken} goes in every form and is checked on every POST.
 */
public record ConsoleSession(String idHash, String login, boolean complete, String csrfToken, long createdAt,
                             long lastSeenAt) {
}
