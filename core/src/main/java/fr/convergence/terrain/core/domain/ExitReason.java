package fr.convergence.terrain.core.domain;

import fr.convergence.terrain.core.text.Labels;

/** The detailed reason of an exit, each belonging to one {@link ExitCategory}. */
public enum ExitReason {
    CDI(ExitCategory.EMPLOI_DURABLE),
    CDD_6_MOIS_OU_PLUS(ExitCategory.EMPLOI_DURABLE),
    INTERIM_6_MOIS_OU_PLUS(ExitCategory.EMPLOI_DURABLE),
    FONCTION_PUBLIQUE(ExitCategory.EMPLOI_DURABLE),
    CREATION_ENTREPRISE(ExitCategory.EMPLOI_DURABLE),

    CDD_MOINS_6_MOIS(ExitCategory.EMPLOI_TRANSITION),
    INTERIM_MOINS_6_MOIS(ExitCategory.EMPLOI_TRANSITION),
    CONTRAT_AIDE_EMPLOYEUR_CLASSIQUE(ExitCategory.EMPLOI_TRANSITION),

    FORMATION_QUALIFIANTE(ExitCategory.SORTIE_POSITIVE),
    FORMATION_PRE_QUALIFIANTE(ExitCategory.SORTIE_POSITIVE),
    EMBAUCHE_AUTRE_SIAE(ExitCategory.SORTIE_POSITIVE),

    FIN_DE_CONTRAT_SANS_SOLUTION(ExitCategory.AUTRE_SORTIE),
    DEMENAGEMENT(ExitCategory.AUTRE_SORTIE),
    RAISONS_DE_SANTE(ExitCategory.AUTRE_SORTIE),
    ABANDON(ExitCategory.AUTRE_SORTIE),
    RUPTURE_PERIODE_ESSAI(ExitCategory.AUTRE_SORTIE),
    LICENCIEMENT(ExitCategory.AUTRE_SORTIE),
    INCARCERATION(ExitCategory.AUTRE_SORTIE),
    AUTRE(ExitCategory.AUTRE_SORTIE);

    private final ExitCategory category;

    ExitReason(ExitCategory category) {
        this.category = category;
    }

    public ExitCategory category() {
        return category;
    }

    public String label() {
        return Labels.french(this);
    }
}
