package fr.convergence.terrain.hub.report;

import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.report.PersonMinutes;
import java.util.List;
import java.util.Map;

/**
 * What the hub's store holds for one worksite's monthly statement, read on one snapshot as core's calculator takes
 * it: the worksite's enrolments and PHC steps that are not deleted (steps by enrolment id, oldest first), and each
 * person's minutes of a span of days on the worksite by kind. No name: the hub's console shows none.
 */
public record HubMonthlyData(List<Enrolment> enrolments, Map<String, List<PhcStep>> phcSteps,
                             List<PersonMinutes> minutes) {
}
