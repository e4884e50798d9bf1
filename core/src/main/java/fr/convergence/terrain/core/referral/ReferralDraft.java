package fr.convergence.terrain.core.referral;

import fr.convergence.terrain.core.domain.Partner;
import java.util.Map;

/**
 * What the referral dialog sends. There is no field for participant data on purpose: the service copies the
 * partner's needed fields itself, so a referral can never carry more than its partner needs.
 * {@code partnerName} is only read for {@link Partner#AUTRE}; {@code documents} is the checklist (name →
 * provided), the partner's usual documents when null.
 */
public record ReferralDraft(String participantId, Partner partner, String partnerName, String purpose,
                            Map<String, Boolean> documents) {
}
