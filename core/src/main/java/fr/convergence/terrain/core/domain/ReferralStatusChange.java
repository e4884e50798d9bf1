package fr.convergence.terrain.core.domain;

import java.time.LocalDate;

/** One dated, signed move of a referral along its workflow. {@code from} is null for the creation. */
public record ReferralStatusChange(String id, String referralId, ReferralStatus from, ReferralStatus to,
                                   LocalDate changedOn, String changedBy, String comment) {
}
