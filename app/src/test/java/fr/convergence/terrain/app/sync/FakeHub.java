package fr.convergence.terrain.app.sync;

import fr.convergence.terrain.sync.client.HubClient;
import fr.convergence.terrain.sync.client.HubException;
import fr.convergence.terrain.sync.protocol.EnrolRequest;
import fr.convergence.terrain.sync.protocol.EnrolResponse;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.Rejection;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import fr.convergence.terrain.sync.protocol.TableChanges;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A hub transport without a hub: acknowledges every operation (or refuses those a test picks), hands out the
 * rows a test queues for the next page, and can be "down" (every call fails like a cut link).
 */
final class FakeHub implements HubClient {

    static final String CODE = "K7QM-2XHP-9RTA";
    static final String HUB_ID = "hub-test";

    boolean up = true;
    /** When set, every sync is answered with this refusal (as the HTTP client reads a 503 or 429 with Retry-After). */
    HubException busy;
    Predicate<Operation> refuse = op -> false;
    String refusal = "Ce·tte salarié·e a changé de chantier : la modification n’est plus possible ici.";
    final List<TableChanges> nextChanges = new ArrayList<>();
    /** Rows said to remain after each page of the next pulls: a non-empty plan makes the pull take several pages. */
    final java.util.Deque<Long> remainingPlan = new java.util.ArrayDeque<>();
    final List<SyncRequest> requests = new ArrayList<>();
    private long cursor;
    private long requestsMade;
    private long bytesUp;
    private long bytesDown;

    @Override
    public SyncResponse exchange(String token, SyncRequest request) throws IOException {
        requestsMade++;
        if (!up) {
            throw new IOException("Connection refused");
        }
        if (busy != null) {
            throw busy;
        }
        requests.add(request);
        bytesUp += 200L + 300L * request.operations().size();
        long acknowledged = request.operations().stream().mapToLong(Operation::number).max().orElse(0);
        List<Rejection> rejections = request.operations().stream().filter(refuse)
                .map(op -> new Rejection(op.number(), "forbidden", refusal)).toList();
        List<TableChanges> changes = List.of();
        int conflicts = 0;
        if (!request.moreOperations()) {
            // A planned multi-page pull sends one group per page, the last page the rest.
            changes = remainingPlan.isEmpty() || nextChanges.isEmpty() ? List.copyOf(nextChanges)
                    : List.of(nextChanges.get(0));
            conflicts = (int) changes.stream().filter(c -> c.table().equals("sync_conflict"))
                    .mapToLong(c -> c.rows().size()).sum();
            nextChanges.removeAll(changes);
            cursor += 1 + changes.size();
        }
        bytesDown += 1500L * (1 + changes.size());
        Long remaining = request.moreOperations() ? null : remainingPlan.poll();
        return new SyncResponse(1, HUB_ID, null, acknowledged, rejections, conflicts, changes, List.of(), cursor,
                remaining != null, false, null, null, null, remaining);
    }

    @Override
    public EnrolResponse enrol(EnrolRequest request) throws IOException {
        if (!up) {
            throw new IOException("Connection refused");
        }
        if (!CODE.equals(request.code())) {
            throw new HubException(403, "enrolment-refused", "Ce code d’enrôlement est inconnu, expiré ou déjà utilisé.");
        }
        return new EnrolResponse(request.deviceId(), "token-" + UUID.randomUUID(), "worksite", "abej-solidarite",
                List.of("abej-solidarite"), HUB_ID);
    }

    @Override
    public boolean reachable() {
        return up;
    }

    @Override
    public Traffic traffic() {
        return new Traffic(requestsMade, bytesUp, bytesDown);
    }

    /** A conflict on one field of a row, as the hub sends it in a page. */
    static TableChanges conflict(String id, String table, String rowId, String field, String base, String kept,
                                 String other, long createdAt) {
        return new TableChanges("sync_conflict", List.of("id", "version", "updated_by", "worksite_id", "table_name",
                "row_id", "field_name", "base_value", "kept_value", "other_value", "kept_version", "other_version",
                "other_device", "created_at", "resolved", "resolution", "deleted"),
                List.of(java.util.Arrays.asList(id, "018e4a1b2c10-0000-hub", "hub", "abej-solidarite", table, rowId, field, base,
                        kept, other, "018e4a1b2c10-0000-a", "018e4a1b2c0f-0000-b", "other-laptop", createdAt, false,
                        null, false)));
    }
}
