package fr.convergence.terrain.sync.protocol;

import java.util.List;

/**
 * The enrolled device's secret token (sent as {@code Authorization: Bearer}) and its scope: one worksite, or a
 * territory and its worksites for a coordinator.
 */
public record EnrolResponse(String deviceId, String token, String scopeKind, String scopeId, List<String> worksiteIds,
                            String hubId) {

    public static final String WORKSITE = "worksite";
    public static final String TERRITORY = "territory";
}
