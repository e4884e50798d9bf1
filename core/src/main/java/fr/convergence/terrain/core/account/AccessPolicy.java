package fr.convergence.terrain.core.account;

import fr.convergence.terrain.core.domain.NoteVisibility;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.verdict.Verdict;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who sees and edits which worksite: an ESP or CIP their own worksite(s), a coordinator those too plus every
 * worksite of their territory, an admin all of them; an inactive user none. Seeing and editing follow the
 * same rule: whoever sees a worksite's participants works on them.
 */
public final class AccessPolicy {

    private final Function<String, String> territoryOfWorksite;

    /** @param territoryOfWorksite worksite id → territory id, or null for a worksite outside any territory */
    public AccessPolicy(Function<String, String> territoryOfWorksite) {
        this.territoryOfWorksite = Objects.requireNonNull(territoryOfWorksite, "territoryOfWorksite");
    }

    /** A policy from a map of worksite id → territory id. */
    public static AccessPolicy of(Map<String, String> worksiteTerritories) {
        Map<String, String> copy = Map.copyOf(worksiteTerritories);
        return new AccessPolicy(copy::get);
    }

    public boolean canSee(User user, String worksiteId) {
        if (user == null || !user.active() || worksiteId == null) {
            return false;
        }
        if (user.role() == Role.ADMIN) {
            return true;
        }
        if (user.worksiteIds() != null && user.worksiteIds().contains(worksiteId)) {
            return true;
        }
        return user.role() == Role.COORDINATOR
                && user.territoryId() != null
                && user.territoryId().equals(territoryOfWorksite.apply(worksiteId));
    }

    public boolean canEdit(User user, String worksiteId) {
        return canSee(user, worksiteId);
    }

    /** {@link #canEdit} with the message to show (or to quarantine a change with, on the hub). */
    public Verdict checkEdit(User user, String worksiteId) {
        return canEdit(user, worksiteId)
                ? Verdict.ok()
                : Verdict.refused("Ce chantier n'est pas dans votre périmètre : demandez à votre coordinateur·rice "
                        + "de vous y donner accès.");
    }

    /** Notes marked for CIP and coordination stay hidden from educators (and from print-outs they make). */
    public static boolean canReadNote(User user, NoteVisibility visibility) {
        return visibility == NoteVisibility.EQUIPE_CHANTIER
                || user.role() == Role.CIP || user.role() == Role.COORDINATOR || user.role() == Role.ADMIN;
    }

    /** Among {@code worksiteIds}, those {@code user} sees. */
    public Set<String> visibleWorksites(User user, Collection<String> worksiteIds) {
        return worksiteIds.stream().filter(id -> canSee(user, id)).collect(Collectors.toUnmodifiableSet());
    }
}
