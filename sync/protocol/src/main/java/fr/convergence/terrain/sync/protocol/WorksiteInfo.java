package fr.convergence.terrain.sync.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A worksite of the device's scope as the hub knows it, sent in {@link SyncResponse#worksites()} so that a laptop
 * whose shipped reference data lacks it (a demo-only worksite, one opened later) can store the rows that refer to it.
 * {@code name}, {@code city}, {@code region} and the flags may be null when the hub only knows the worksite's id
 * (enrolled before anyone described it): the laptop then keeps what it has.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorksiteInfo(String id, String name, String city, String region, String territoryId, Boolean runsPhc,
                           Boolean runsCvg) {
}
