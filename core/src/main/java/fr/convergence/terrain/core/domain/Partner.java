package fr.convergence.terrain.core.domain;

import fr.convergence.terrain.core.text.Labels;
import java.util.List;

/**
 * A partner a participant can be referred to, with the participant fields it needs (and only those:
 * data minimisation) and the documents usually asked for.
 */
public enum Partner {
    CPAM(List.of(ParticipantField.NOM, ParticipantField.DATE_NAISSANCE, ParticipantField.NUMERO_SECURITE_SOCIALE,
            ParticipantField.ADRESSE, ParticipantField.TELEPHONE),
            List.of("Pièce d'identité", "Attestation de droits", "Justificatif de domicile ou de domiciliation")),
    CDC_HABITAT(List.of(ParticipantField.NOM, ParticipantField.DATE_NAISSANCE, ParticipantField.TELEPHONE,
            ParticipantField.EMAIL, ParticipantField.ADRESSE),
            List.of("Pièce d'identité", "Avis d'imposition", "Trois derniers bulletins de salaire", "Contrat de travail")),
    BUREAUX_DU_COEUR(List.of(ParticipantField.NOM, ParticipantField.TELEPHONE),
            List.of("Pièce d'identité", "Attestation d'hébergement d'urgence")),
    FRANPRIX(List.of(ParticipantField.NOM, ParticipantField.TELEPHONE,
            ParticipantField.EMAIL),
            List.of("CV", "Pièce d'identité", "Attestation de suivi sur le chantier")),
    PASSERELLES_COMPETENCES(List.of(ParticipantField.NOM, ParticipantField.TELEPHONE,
            ParticipantField.EMAIL),
            List.of("CV", "Description du besoin d'accompagnement")),
    FRANCE_TRAVAIL(List.of(ParticipantField.NOM, ParticipantField.DATE_NAISSANCE,
            ParticipantField.TELEPHONE, ParticipantField.EMAIL, ParticipantField.ADRESSE),
            List.of("CV", "Pièce d'identité", "Identifiant France Travail")),
    SIAO(List.of(ParticipantField.NOM, ParticipantField.DATE_NAISSANCE, ParticipantField.TELEPHONE),
            List.of("Pièce d'identité", "Évaluation sociale")),
    AUTRE(List.of(ParticipantField.NOM, ParticipantField.TELEPHONE), List.of());
    private final List<ParticipantField> neededFields;
    private final List<String> usualDocuments;

    Partner(List<ParticipantField> neededFields, List<String> usualDocuments) {
        this.neededFields = neededFields;
        this.usualDocuments = usualDocuments;
    }

    public String label() {
        return Labels.french(this);
    }

    /** The participant fields this partner needs, and the only ones a referral to it may carry. */
    public List<ParticipantField> neededFields() {
        return neededFields;
    }

    public List<String> usualDocuments() {
        return usualDocuments;
    }
}
