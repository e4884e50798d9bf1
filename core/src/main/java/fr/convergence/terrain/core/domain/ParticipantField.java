package fr.convergence.terrain.core.domain;

import fr.convergence.terrain.core.text.Labels;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/** A participant field that a referral may share with a partner. */
public enum ParticipantField {
    NOM(Participant::fullName),
    DATE_NAISSANCE(p -> p.birthDate() == null ? null : p.birthDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))),
    TELEPHONE(Participant::phone),
    EMAIL(Participant::email),
    ADRESSE(Participant::address),
    NUMERO_SECURITE_SOCIALE(Participant::socialSecurityNumber);
    private final Function<Participant, String> reader;

    ParticipantField(Function<Participant, String> reader) {
        this.reader = reader;
    }

    public String label() {
        return Labels.french(this);
    }

    public String valueOf(Participant participant) {
        return reader.apply(participant);
    }
}
