package fr.convergence.terrain.core.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An orientation of a participant to a partner. {@code sharedFields} holds, for the fields the partner needs,
 * the values as they were when the referral was prepared; {@code documents} the checklist (name → provided).
 */
public record Referral(String id, String participantId, String worksiteId, Partner partner, String partnerName,
                       String purpose, Map<String, Boolean> documents, Map<ParticipantField, String> sharedFields,
                       ReferralStatus status, LocalDate createdOn, List<ReferralStatusChange> history) {

    public String partnerDisplayName() {
        return partner == Partner.AUTRE && partnerName != null && !partnerName.isBlank() ? partnerName : partner.label();
    }
}
