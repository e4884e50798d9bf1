package fr.convergence.terrain.hub.report;

import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.report.MonthlyMinutes;
import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import java.util.List;
import java.util.Map;

/**
 * What the hub's store holds for the reports, read on one snapshot as the core calculator takes it: the worksites
 * (with their territory), every enrolment and PHC step that is not deleted (steps by enrolment id, oldest first),
 * and the worked and absence minutes of a span of days summed by worksite, month and kind.
 */
public record HubReportData(List<WorksiteInfo> worksites, List<Enrolment> enrolments,
                            Map<String, List<PhcStep>> phcSteps, Map<String, List<MonthlyMinutes>> minutesByWorksite) {
}
