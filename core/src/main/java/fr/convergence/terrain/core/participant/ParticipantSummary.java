package fr.convergence.terrain.core.participant;

import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.Participant;

/**
 * One line of the participant list: the person, their latest enrolment (null if none yet) and, for PHC, the
 * step target in force today.
 */
public record ParticipantSummary(Participant participant, Enrolment enrolment, Integer currentStep,
                                 boolean active) {
}
