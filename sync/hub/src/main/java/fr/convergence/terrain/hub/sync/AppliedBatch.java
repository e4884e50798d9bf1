package fr.convergence.terrain.hub.sync;

import fr.convergence.terrain.sync.protocol.Rejection;
import java.util.List;

/**
 * What applying a device's batch gave, before its page is read: what every answer to the exchange reports;
 * {@code refusedNow}, the operations of this batch refused (the rejections also repeat those not yet recorded).
 */
record AppliedBatch(long acknowledged, List<Rejection> rejections, int conflicts, int refusedNow) {
}
