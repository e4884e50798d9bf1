package fr.convergence.terrain.core.domain;

import java.util.Set;

/**
 * A local user of a laptop. An ESP or CIP works on {@code worksiteIds}; a coordinator on every worksite of
 * {@code territoryId}; an admin on every worksite of the store.
 */
public record User(String id, String login, String displayName, Role role, String territoryId,
                   Set<String> worksiteIds, boolean active) {
}
