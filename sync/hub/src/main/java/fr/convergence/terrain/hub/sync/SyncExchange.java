package fr.convergence.terrain.hub.sync;

/**
 * One sync exchange of a device as the hub's console shows it: when, how many operations the laptop sent, how many
 * rows the hub sent back, how many of its operations were refused and how many conflicts they made, and the outcome
 * ({@link #DONE}, {@link #PAGE}, {@link #RESYNC}, {@link #REWOUND}, {@link #REVOKED}). Figures only, never a row.
 */
public record SyncExchange(String deviceId, long at, int operations, int rowsSent, int refused, int conflicts,
                           String outcome) {

    /** The laptop is up to date with the hub. */
    public static final String DONE = "done";
    /** A page of a longer pull or push: more exchanges follow. */
    public static final String PAGE = "page";
    /** The laptop's cursor was too old: it pulls its scope again. */
    public static final String RESYNC = "resync";
    /** The hub went back in time (restored): the laptop sends again what it lost. */
    public static final String REWOUND = "rewound";
    /** The device was revoked: refused before anything was read. */
    public static final String REVOKED = "revoked";

    /** Exchanges kept per device: the oldest go when a device has more. */
    public static final int KEPT = 100;
}
