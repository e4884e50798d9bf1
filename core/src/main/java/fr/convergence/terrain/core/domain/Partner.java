package fr.convergence.terrain.core.domain;

import java.util.List;

/**
 * A partner a participant can be referred to, with the participant fields it needs (and only those:
 * data minimisation) and the documents usually asked for.
 */
public enum Partner {
    CPAM("CPAM", List.of(ParticipantField.NOM, ParticipantField.DATE_NAISSANCE, ParticipantField.NUMERO_SECURITE_SOCIALE,
            ParticipantField.ADRESSE, ParticipantField.TELEPHONE),
            List.of("Pièce d'identité", "Attestation de droits", "Justificatif de domicile ou de domiciliation")),
    CDC_HABITAT("CDC Habitat", List.of(ParticipantField.NOM, ParticipantField.DATE_NAISSANCE, ParticipantField.TELEPHONE,
            ParticipantField.EMAIL, ParticipantField.ADRESSE),
            List.of("Pièce d'identité", "Avis d'imposition", "Trois derniers bulletins de salaire", "Contrat de travail")),
    BUREAUX_DU_COEUR("Bureaux du Cœur", List.of(ParticipantField.NOM, ParticipantField.TELEPHONE),
            List.of("Pièce d'identité", "Attestation d'hébergement d'urgence")),
    FRANPRIX("Franprix (embauche progressive)", List.of(ParticipantField.NOM, ParticipantField.TELEPHONE,
            ParticipantField.EMAIL),
            List.of("CV", "Pièce d'identité", "Attestation de suivi sur le chantier")),
    PASSERELLES_COMPETENCES("Passerelles & Compétences", List.of(ParticipantField.NOM, ParticipantField.TELEPHONE,
            ParticipantField.EMAIL),
            List.of("CV", "Description du besoin d'accompagnement")),
    FRANCE_TRAVAIL("France Travail", List.of(ParticipantField.NOM, ParticipantField.DATE_NAISSANCE,
            ParticipantField.TELEPHONE, ParticipantField.EMAIL, ParticipantField.ADRESSE),
            List.of("CV", "Pièce d'identité", "Identifiant France Travail")),
    SIAO("SIAO", List.of(ParticipantField.NOM, ParticipantField.DATE_NAISSANCE, ParticipantField.TELEPHONE),
            List.of("Pièce d'identité", "Évaluation sociale")),
    AUTRE("Autre partenaire", List.of(ParticipantField.NOM, ParticipantField.TELEPHONE), List.of());

    private final String label;
    private final List<ParticipantField> neededFields;
    private final List<String> usualDocuments;

    Partner(String label, List<ParticipantField> neededFields, List<String> usualDocuments) {
        this.label = label;
        this.neededFields = neededFields;
        this.usualDocuments = usualDocuments;
    }

    public String label() {
        return label;
    }

    /** The participant fields this partner needs, and the only ones a referral to it may carry. */
    public List<ParticipantField> neededFields() {
        return neededFields;
    }

    public List<String> usualDocuments() {
        return usualDocuments;
    }
}
