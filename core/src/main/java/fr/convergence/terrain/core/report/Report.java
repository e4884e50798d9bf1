package fr.convergence.terrain.core.report;

import java.time.LocalDate;
import java.util.List;

/** Every figure of the reports page for one scope and one period, computed by {@link ReportCalculator}. */
public record Report(ReportScope scope, List<String> worksiteIds, ReportPeriod period, LocalDate computedOn,
                     ActiveCaseload activeCaseload, EntriesAndExits entriesAndExits, ExitsByCategory exitsByCategory,
                     PhcStepDistribution phcSteps, PhcToCddiTransitions phcToCddi, MonthlyHours hours) {
}
