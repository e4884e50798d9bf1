package fr.convergence.terrain.hub.sync;

import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncResponse;

/**
 * The hub's answer to one exchange, with its JSON and gzip bodies each made once, when first asked for: a column page
 * is measured compressed before it is sent, and the bytes measured are the bytes sent.
 */
public final class SyncAnswer {

    private final SyncResponse response;
    private byte[] json;
    private byte[] gzipped;

    SyncAnswer(SyncResponse response) {
        this.response = response;
    }

    public SyncResponse response() {
        return response;
    }

    /** The answer as JSON ({@link SyncCodec#encode}). */
    public byte[] json() {
        if (json == null) {
            json = SyncCodec.encode(response);
        }
        return json;
    }

    /** {@link #json()} gzipped ({@link SyncCodec#gzip}). */
    public byte[] gzipped() {
        if (gzipped == null) {
            gzipped = SyncCodec.gzip(json());
        }
        return gzipped;
    }
}
