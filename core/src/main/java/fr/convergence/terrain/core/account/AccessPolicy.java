package fr.convergence.terrain.core.account;

import fr.convergence.terrain.core.domain.NoteVisibility;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.ReferralStatusChange;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.SocialSecurityNumber;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.verdict.Verdict;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who sees and edits which worksite: an ESP or CIP their own worksite(s), a coordinator those too plus every
 * worksite of their territory, an admin all of them; an inactive user none. Seeing and editing follow the
 * same rule: whoever sees a worksite's participants works on them.
 *
 * <p>Within a worksite, what a role reads of a person's file is decided here too, and applied by the services to the
 * records they return, so that screens, print-outs, CSV and the command line cannot show more than the role allows.
 * An ESP (who logs hours and writes short notes on the worksite) reads the identity and contact details needed there,
 * the social-security number only masked ({@link SocialSecurityNumber#masked}), no note reserved to the CIP and
 * coordination, and of a referral only that it exists — its partner, its status and the dates of its moves — not its
 * purpose, documents, shared fields or status comments ({@link #referralFor}). The CIP, coordination and
 * administration read everything of the worksites they see.
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
                : Verdict.refused("Ce chantier n’est pas dans votre périmètre\u00a0: demandez à votre "
                        + "coordinateur·rice de vous y donner accès.");
    }

    /** Notes marked for CIP and coordination stay hidden from educators (and from print-outs they make). */
    public static boolean canReadNote(User user, NoteVisibility visibility) {
        return user != null && user.active() && (visibility == NoteVisibility.EQUIPE_CHANTIER
                || user.role() == Role.CIP || user.role() == Role.COORDINATOR || user.role() == Role.ADMIN);
    }

    /** Text shown instead of a referral's purpose to someone who may not read it. */
    public static final String HIDDEN_DETAIL = "(réservé à la CIP et à la coordination)";

    /**
     * Whether {@code user} reads a file whole — the full social-security number, the details of referrals: an active
     * CIP, coordinator or administrator. An ESP, or any inactive account, does not.
     */
    public static boolean readsWholeFile(User user) {
        return user != null && user.active()
                && (user.role() == Role.CIP || user.role() == Role.COORDINATOR || user.role() == Role.ADMIN);
    }

    /**
     * Whether {@code user} reads archived files (and those due for erasure): an active coordinator or administrator.
     * An ESP or a CIP does not — the services leave those files out ({@code erasure.ArchiveRule}).
     */
    public static boolean readsArchivedFiles(User user) {
        return user != null && user.active() && (user.role() == Role.COORDINATOR || user.role() == Role.ADMIN);
    }

    /** The participant as {@code user} may read them: the social-security number masked unless they read it whole. */
    public static Participant participantFor(User user, Participant participant) {
        if (participant == null || readsWholeFile(user)) {
            return participant;
        }
        return new Participant(participant.id(), participant.worksiteId(), participant.firstName(),
                participant.lastName(), participant.birthDate(), participant.phone(), participant.email(),
                participant.address(), SocialSecurityNumber.masked(participant.socialSecurityNumber()),
                participant.referentName());
    }

    /**
     * The referral as {@code user} may read it: for an ESP, that it exists, its partner, status and the dates of its
     * moves (enough to know a person is expected at a partner's), without its purpose, documents, the participant
     * fields shared with the partner or the comments of its moves.
     */
    public static Referral referralFor(User user, Referral referral) {
        if (referral == null || readsWholeFile(user)) {
            return referral;
        }
        List<ReferralStatusChange> history = referral.history().stream()
                .map(c -> new ReferralStatusChange(c.id(), c.referralId(), c.from(), c.to(), c.changedOn(),
                        c.changedBy(), null))
                .toList();
        return new Referral(referral.id(), referral.participantId(), referral.worksiteId(), referral.partner(),
                referral.partnerName(), HIDDEN_DETAIL, Map.of(), Map.of(), referral.status(), referral.createdOn(),
                history);
    }

    /** Among {@code worksiteIds}, those {@code user} sees. */
    public Set<String> visibleWorksites(User user, Collection<String> worksiteIds) {
        return worksiteIds.stream().filter(id -> canSee(user, id)).collect(Collectors.toUnmodifiableSet());
    }
}
