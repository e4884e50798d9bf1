package fr.convergence.terrain.sync.it;

import fr.convergence.terrain.core.clock.Hlc;
import fr.convergence.terrain.core.domain.HoursKind;

import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made operations for protocol-level tests (a device without a store). */
final class RawOps {

    private RawOps() {
    }

    static String version(String node) {
        return new Hlc(System.currentTimeMillis(), 0, node).encode();
    }

    static Operation participant(long n, String device, String id, String worksite) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("worksite_id", worksite);
        f.put("first_name", "Test");
        f.put("last_name", "Personne " + n);
        f.put("search_name", "test personne");
        f.put("deleted", false);
        return new Operation(n, "participant", id, worksite, f, version(device), 0);
    }

    static Operation hours(long n, String device, String participant, String worksite, LocalDate day, int minutes) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("participant_id", participant);
        f.put("worksite_id", worksite);
        f.put("work_day", day.toString());
        f.put("kind", HoursKind.TRAVAIL_CHANTIER.name());
        f.put("minutes", minutes);
        f.put("deleted", false);
        return new Operation(n, "hours_entry", HoursCell.id(participant, day, HoursKind.TRAVAIL_CHANTIER),
                worksite, f, version(device), 0);
    }

    static SyncRequest request(String device, long cursor, List<Operation> ops) {
        return new SyncRequest(SyncCodec.PROTOCOL, device, null, cursor, 0, ops, false, null);
    }
}
