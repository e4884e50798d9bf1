package fr.convergence.terrain.core.account;

import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.store.ParticipantRepository;
import java.util.List;
import java.util.Optional;

/** The figures of the status bar: the laptop's worksite and its participants (changes to sync: the sync agent's). */
public final class StatusService {

    /** {@code worksite} is empty for a store not installed yet. */
    public record StoreStatus(Optional<Worksite> worksite, int participants, boolean demo) {
    }

    private final Workstation workstation;
    private final ParticipantRepository participants;

    public StatusService(Workstation workstation) {
        this.workstation = workstation;
        this.participants = new ParticipantRepository(workstation.store());
    }

    public StoreStatus status() {
        Optional<Worksite> worksite = workstation.worksite();
        int count = worksite.map(w -> participants.count(List.of(w.id()))).orElse(0);
        return new StoreStatus(worksite, count, workstation.demo());
    }
}
