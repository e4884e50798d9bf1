package fr.convergence.terrain.core.domain;

/** A chantier d'insertion (ACI). {@code territoryId} is null for a PHC worksite outside a Convergence territory. */
public record Worksite(String id, String name, String city, String region, String territoryId,
                       boolean runsPhc, boolean runsCvg) {
}
