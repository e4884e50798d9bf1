package fr.convergence.terrain.core.domain;

import java.time.LocalDate;

/** A palier PHC: from {@code startDate}, the participant's target is {@code targetHours} a week. */
public record PhcStep(String id, String enrolmentId, int targetHours, LocalDate startDate) {
}
