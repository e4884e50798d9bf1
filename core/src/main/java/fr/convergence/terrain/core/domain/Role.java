package fr.convergence.terrain.core.domain;

import fr.convergence.terrain.core.text.Labels;

/** What a local user of a laptop does, which decides what they see. */
public enum Role {
    /** Éducateur·rice socio-professionnel·le: hours and short notes, on the worksite. */
    ESP,
    /** Chargé·e d'insertion professionnelle: participant files, referrals. */
    CIP,
    /** Coordinator of a territory: sees every worksite of the territory, syncs, resolves conflicts. */
    COORDINATOR,
    ADMIN;

    public String label() {
        return Labels.french(this);
    }
}
