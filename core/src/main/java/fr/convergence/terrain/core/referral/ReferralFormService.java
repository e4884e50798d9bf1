package fr.convergence.terrain.core.referral;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.erasure.ArchiveRule;
import fr.convergence.terrain.core.domain.ParticipantField;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.ReferralStatusChange;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.ReferralRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.store.UserRepository;
import java.util.ArrayList;
import java.util.List;

/** Assembles a referral form with only the participant fields its partner needs ({@code Partner.neededFields()}). */
public final class ReferralFormService {

    private final ReferralRepository referrals;
    private final ReferenceRepository reference;
    private final UserRepository users;
    private final AccessPolicy access;
    private final ArchiveRule archives;

    public ReferralFormService(TerrainStore store, AccessPolicy access) {
        this.referrals = new ReferralRepository(store);
        this.reference = new ReferenceRepository(store);
        this.users = new UserRepository(store);
        this.access = access;
        this.archives = new ArchiveRule(store);
    }

    public ReferralForm load(User user, String referralId) {
        Referral referral = referrals.find(referralId)
                .orElseThrow(() -> new IllegalArgumentException("Orientation introuvable\u00a0: " + referralId));
        if (!access.canSee(user, referral.worksiteId())) {
            throw new AccessDeniedException("Cette orientation concerne un chantier hors de votre périmètre.");
        }
        archives.checkFile(user, referral.participantId());
        // The form carries the purpose, the documents and the fields shared with the partner: the referral's details.
        if (!AccessPolicy.readsWholeFile(user)) {
            throw new AccessDeniedException("La fiche d’orientation est réservée à la CIP et à la coordination\u00a0: "
                    + "demandez-leur de l’imprimer.");
        }
        Worksite worksite = reference.worksite(referral.worksiteId()).orElseThrow();
        List<ReferralForm.SharedField> fields = new ArrayList<>();
        for (ParticipantField field : referral.partner().neededFields()) {
            fields.add(new ReferralForm.SharedField(field, referral.sharedFields().get(field)));
        }
        return new ReferralForm(referral, worksite, List.copyOf(fields), preparedBy(referral));
    }

    /** Display name of whoever created the referral, or null when unknown on this laptop. */
    private String preparedBy(Referral referral) {
        String authorId = referral.history().stream().findFirst().map(ReferralStatusChange::changedBy).orElse(null);
        if (authorId == null) {
            return null;
        }
        return users.all().stream().filter(u -> u.id().equals(authorId)).map(User::displayName).findFirst()
                .orElse(null);
    }
}
