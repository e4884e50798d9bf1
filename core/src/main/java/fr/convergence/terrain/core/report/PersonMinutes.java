package fr.convergence.terrain.core.report;

import fr.convergence.terrain.core.domain.HoursKind;

/** Minutes of one kind of hours of one person over a month, as a store sums them for {@link ReportCalculator}. */
public record PersonMinutes(String participantId, HoursKind kind, long minutes) {
}
