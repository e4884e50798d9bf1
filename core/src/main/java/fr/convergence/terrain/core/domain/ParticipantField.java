package fr.convergence.terrain.core.domain;

import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/** A participant field that a referral may share with a partner. */
public enum ParticipantField {
    NOM("Nom et prénom", Participant::fullName),
    DATE_NAISSANCE("Date de naissance",
            p -> p.birthDate() == null ? null : p.birthDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))),
    TELEPHONE("Téléphone", Participant::phone),
    EMAIL("Courriel", Participant::email),
    ADRESSE("Adresse", Participant::address),
    NUMERO_SECURITE_SOCIALE("Numéro de sécurité sociale", Participant::socialSecurityNumber);

    private final String label;
    private final Function<Participant, String> reader;

    ParticipantField(String label, Function<Participant, String> reader) {
        this.label = label;
        this.reader = reader;
    }

    public String label() {
        return label;
    }

    public String valueOf(Participant participant) {
        return reader.apply(participant);
    }
}
