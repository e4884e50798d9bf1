package fr.convergence.terrain.sync.protocol;

/**
 * How an hours cell's id follows from its key, so that a page may leave hours ids out ({@code {"derived": true}} in
 * {@link ColumnCodec}). The derivation is the domain's ({@code HoursCell::id} in core); laptops and hub pass it in,
 * because the wire format depends on nothing of ours.
 */
@FunctionalInterface
public interface HoursCellIds {

    /** The id of the cell of {@code participantId} on {@code isoDay} for the hours kind {@code kindName}. */
    String id(String participantId, String isoDay, String kindName);
}
