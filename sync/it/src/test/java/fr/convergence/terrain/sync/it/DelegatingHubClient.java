package fr.convergence.terrain.sync.it;

import fr.convergence.terrain.sync.client.HubClient;
import fr.convergence.terrain.sync.protocol.EnrolRequest;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import java.io.IOException;

/**
 * A laptop's real hub client with something around its exchanges (recording, faults): subclasses override
 * {@link #exchange}. Exchanges may come from the thread that asks pages ahead: keep subclasses thread-safe.
 */
abstract class DelegatingHubClient implements HubClient {

    final HubClient delegate;

    DelegatingHubClient(HubClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public SyncResponse exchange(String token, SyncRequest request) throws IOException {
        return delegate.exchange(token, request);
    }

    @Override
    public EnrolResponse enrol(EnrolRequest request) throws IOException {
        return delegate.enrol(request);
    }

    @Override
    public boolean reachable() {
        return delegate.reachable();
    }

    @Override
    public Traffic traffic() {
        return delegate.traffic();
    }
}
