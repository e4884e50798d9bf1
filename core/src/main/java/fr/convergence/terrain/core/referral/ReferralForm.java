package fr.convergence.terrain.core.referral;

import fr.convergence.terrain.core.domain.ParticipantField;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.Worksite;
import java.util.List;

/**
 * What a referral form (fiche d'orientation) carries: the referral, the sending worksite, and the participant
 * fields the partner needs — only those, as shared when the referral was prepared. It holds no
 * {@code Participant}, so a form cannot show more than the partner needs.
 */
public record ReferralForm(Referral referral, Worksite worksite, List<SharedField> fields, String preparedBy) {

    /** One participant field sent to the partner; {@code value} is null when it was not filled in. */
    public record SharedField(ParticipantField field, String value) {
    }
}
