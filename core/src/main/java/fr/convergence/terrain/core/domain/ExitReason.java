package fr.convergence.terrain.core.domain;

/** The detailed reason of an exit, each belonging to one {@link ExitCategory}. */
public enum ExitReason {
    CDI(ExitCategory.EMPLOI_DURABLE, "CDI"),
    CDD_6_MOIS_OU_PLUS(ExitCategory.EMPLOI_DURABLE, "CDD de 6 mois ou plus"),
    INTERIM_6_MOIS_OU_PLUS(ExitCategory.EMPLOI_DURABLE, "Intérim de 6 mois ou plus"),
    FONCTION_PUBLIQUE(ExitCategory.EMPLOI_DURABLE, "Titularisation dans la fonction publique"),
    CREATION_ENTREPRISE(ExitCategory.EMPLOI_DURABLE, "Création d'entreprise"),

    CDD_MOINS_6_MOIS(ExitCategory.EMPLOI_TRANSITION, "CDD de moins de 6 mois"),
    INTERIM_MOINS_6_MOIS(ExitCategory.EMPLOI_TRANSITION, "Intérim de moins de 6 mois"),
    CONTRAT_AIDE_EMPLOYEUR_CLASSIQUE(ExitCategory.EMPLOI_TRANSITION, "Contrat aidé chez un employeur classique"),

    FORMATION_QUALIFIANTE(ExitCategory.SORTIE_POSITIVE, "Formation qualifiante"),
    FORMATION_PRE_QUALIFIANTE(ExitCategory.SORTIE_POSITIVE, "Formation pré-qualifiante"),
    EMBAUCHE_AUTRE_SIAE(ExitCategory.SORTIE_POSITIVE, "Embauche dans une autre SIAE"),

    FIN_DE_CONTRAT_SANS_SOLUTION(ExitCategory.AUTRE_SORTIE, "Fin de contrat sans solution"),
    DEMENAGEMENT(ExitCategory.AUTRE_SORTIE, "Déménagement"),
    RAISONS_DE_SANTE(ExitCategory.AUTRE_SORTIE, "Raisons de santé"),
    ABANDON(ExitCategory.AUTRE_SORTIE, "Abandon"),
    RUPTURE_PERIODE_ESSAI(ExitCategory.AUTRE_SORTIE, "Rupture en période d'essai"),
    LICENCIEMENT(ExitCategory.AUTRE_SORTIE, "Licenciement"),
    INCARCERATION(ExitCategory.AUTRE_SORTIE, "Incarcération"),
    AUTRE(ExitCategory.AUTRE_SORTIE, "Autre");

    private final ExitCategory category;
    private final String label;

    ExitReason(ExitCategory category, String label) {
        this.category = category;
        this.label = label;
    }

    public ExitCategory category() {
        return category;
    }

    public String label() {
        return label;
    }
}
