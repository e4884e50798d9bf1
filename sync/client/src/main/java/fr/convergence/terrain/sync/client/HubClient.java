package fr.convergence.terrain.sync.client;

import fr.convergence.terrain.sync.protocol.EnrolRequest;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import java.io.IOException;

/** The hub as the laptop sees it: one exchange per call. Network failures are {@link IOException}s. */
public interface HubClient {

    SyncResponse exchange(String token, SyncRequest request) throws IOException;

    EnrolResponse enrol(EnrolRequest request) throws IOException;

    /** Whether the hub answers its health check now (for the online/offline indicator and automatic sync). */
    boolean reachable();

    /** Requests and bytes on the wire so far (compressed sizes). */
    Traffic traffic();

    /** Counters of what went over the network. */
    record Traffic(long requests, long bytesUp, long bytesDown) {
        public Traffic minus(Traffic before) {
            return new Traffic(requests - before.requests, bytesUp - before.bytesUp, bytesDown - before.bytesDown);
        }
    }
}
