package fr.convergence.terrain.sync.client;

import fr.convergence.terrain.sync.protocol.EnrolRequest;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import java.io.IOException;
import java.util.function.Consumer;

/** The hub as the laptop sees it: one exchange per call. Network failures are {@link IOException}s. */
public interface HubClient {

    SyncResponse exchange(String token, SyncRequest request) throws IOException;

    /**
     * {@link #exchange(String, SyncRequest)}, telling {@code onHead} the answer's page head as soon as it is known:
     * over HTTP when its headers arrive, before a body that may take seconds on a slow link (here, once the answer is
     * read). {@code onHead} runs at most once, maybe on another thread, and must not block.
     */
    default SyncResponse exchange(String token, SyncRequest request, Consumer<PageHead> onHead) throws IOException {
        SyncResponse response = exchange(token, request);
        if (response.rewound() == null) {
            onHead.accept(PageHead.of(response));
        }
        return response;
    }

    EnrolResponse enrol(EnrolRequest request) throws IOException;

    /** Whether the hub answers its health check now (for the online/offline indicator and automatic sync). */
    boolean reachable();

    /** Requests and bytes on the wire so far (compressed sizes). */
    Traffic traffic();

    /** What a laptop needs of an answer to ask for the page after it. */
    record PageHead(String hubId, long cursor, boolean more, boolean resync) {
        static PageHead of(SyncResponse response) {
            return new PageHead(response.hubId(), response.cursor(), response.more(), response.resync());
        }
    }

    /** Counters of what went over the network. */
    record Traffic(long requests, long bytesUp, long bytesDown) {
        public Traffic minus(Traffic before) {
            return new Traffic(requests - before.requests, bytesUp - before.bytesUp, bytesDown - before.bytesDown);
        }
    }
}
