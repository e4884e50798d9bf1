package fr.convergence.terrain.core.domain;

import java.time.LocalDate;

/** A salarié·e en insertion. Only what the follow-up needs is kept (data minimisation). */
public record Participant(String id, String worksiteId, String firstName, String lastName, LocalDate birthDate,
                          String phone, String email, String address, String socialSecurityNumber,
                          String referentName) {

    public String fullName() {
        return firstName + " " + lastName;
    }
}
