package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.sync.client.HubClient;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.SyncResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Replicas (two laptops of a worksite and the territory's coordinator) make random offline edits — hours,
 * deletes, profile fields, note revisions, worksite moves — and sync in random orders through random failures
 * (request lost, answer lost, duplicate delivery). Afterwards every replica holds exactly the hub's data for
 * its scope, and the last edit of every field is in the data, in a conflict record or in a quarantine.
 */
class ConvergencePropertiesTest {

    /** JSON-equivalent bytes: a handful of rows per page. */
    static final int SMALL_PAGES = 1024;


    enum Kind { HOURS, PHONE, NOTE, MOVE, SYNC }

    enum Fault { NONE, REQUEST_LOST, RESPONSE_LOST, DUPLICATE }

    record Action(Kind kind, int replica, int participant, int day, int value, Fault fault) {
    }

    @Provide
    Arbitrary<List<Action>> scripts() {
        Arbitrary<Action> action = Combinators.combine(
                Arbitraries.of(Kind.values()).edgeCases(e -> e.includeOnly(Kind.SYNC)),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 4),
                Arbitraries.of(Fault.values())).as(Action::new);
        return action.list().ofMinSize(5).ofMaxSize(25);
    }

    @Property(tries = 12, shrinking = ShrinkingMode.OFF)
    void replicasConvergeAndNothingIsSilentlyLost(@ForAll("scripts") List<Action> script) throws Exception {
        Path dir = Files.createTempDirectory("convergence");
        try (SyncWorld world = SyncWorld.sqlite(dir)) {
            List<SyncWorld.Laptop> replicas = List.of(world.laptop("a1", "worksite", SyncWorld.SITE_A),
                    world.laptop("a2", "worksite", SyncWorld.SITE_A),
                    world.laptop("coord", "territory", SyncWorld.TERRITORY));
            Edits first = new Edits(replicas.get(0).store(), "u0");
            List<Participant> people = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Participant p = first.participant(SyncWorld.SITE_A, "P" + i, "Nom" + i);
                people.add(p);
                notes.add(first.note(p, "Note " + i));
            }
            for (SyncWorld.Laptop replica : replicas) {
                replica.engine().sync(SyncProgress.NONE);
            }
            Map<String, Object> lastEdit = new LinkedHashMap<>();
            for (Action a : script) {
                SyncWorld.Laptop replica = replicas.get(a.replica());
                Edits edits = new Edits(replica.store(), "u" + a.replica());
                Participant p = people.get(a.participant());
                var local = new fr.convergence.terrain.core.store.ParticipantRepository(replica.store()).find(p.id());
                switch (a.kind()) {
                    case HOURS -> local.ifPresent(lp -> {
                        LocalDate day = Edits.MONDAY.plusDays(a.day());
                        boolean shown = new HoursRepository(replica.store()).ofParticipant(p.id(), day, day).stream()
                                .anyMatch(h -> h.kind() == HoursKind.TRAVAIL_CHANTIER);
                        edits.hours(lp, day, HoursKind.TRAVAIL_CHANTIER, a.value() * 60);
                        if (a.value() == 0 && !shown) {
                            return; // emptying a cell this laptop shows empty changes nothing: not an edit
                        }
                        lastEdit.put("hours_entry/" + HoursRepository.idFor(p.id(), Edits.MONDAY.plusDays(a.day()),
                                HoursKind.TRAVAIL_CHANTIER) + "/minutes", a.value() * 60);
                    });
                    case PHONE -> local.ifPresent(lp -> {
                        String phone = "0" + a.replica() + " " + a.value() + a.day();
                        edits.save(EndToEndSyncTest.withPhone(lp, phone));
                        lastEdit.put("participant/" + p.id() + "/phone", phone);
                    });
                    case NOTE -> local.ifPresent(lp -> edits.revise(notes.get(a.participant()), lp.worksiteId(),
                            "r" + a.replica() + a.value()));
                    case MOVE -> {
                        if (a.replica() == 2 && local.isPresent()) {
                            String to = local.get().worksiteId().equals(SyncWorld.SITE_A) ? SyncWorld.SITE_B
                                    : SyncWorld.SITE_A;
                            Participant lp = local.get();
                            edits.save(new Participant(lp.id(), to, lp.firstName(), lp.lastName(), lp.birthDate(),
                                    lp.phone(), lp.email(), lp.address(), lp.socialSecurityNumber(), lp.referentName()));
                        }
                    }
                    case SYNC -> {
                        try {
                            // Small pages, so that pages are asked ahead, and the fault on the first, second or
                            // third exchange: a push, or a page asked ahead.
                            new SyncEngine(replica.store(), new FaultyClient(replica.client(), a.fault(),
                                    a.value() % 3), SMALL_PAGES).sync(SyncProgress.NONE);
                        } catch (IOException expected) {
                            // the fault: the next sync finishes the job
                        }
                    }
                }
            }
            for (int round = 0; round < 2; round++) {
                for (SyncWorld.Laptop replica : replicas) {
                    replica.engine().sync(SyncProgress.NONE);
                }
            }
            for (SyncWorld.Laptop replica : replicas) {
                assertThat(replica.snapshot()).as(replica.name()).isEqualTo(world.hubSnapshot(replica.scope()));
                assertThat(new SyncRepository(replica.store()).pendingCount()).isZero();
            }
            var hub = world.hubSnapshot(replicas.get(2).scope());
            List<SyncRepository.Conflict> conflicts = new SyncRepository(replicas.get(2).store()).openConflicts();
            List<SyncRepository.Quarantined> quarantined = new ArrayList<>();
            replicas.forEach(r -> quarantined.addAll(new SyncRepository(r.store()).quarantine()));
            lastEdit.forEach((key, value) -> {
                String row = key.substring(0, key.lastIndexOf('/'));
                String field = key.substring(key.lastIndexOf('/') + 1);
                Map<String, Object> data = hub.get(row);
                // A removed hours cell (or one never created: a removal of nothing) reads as 0 minutes.
                Object now = field.equals("minutes") && (data == null || "true".equals(data.get("deleted"))) ? "0"
                        : data == null ? null : data.get(field);
                boolean inData = String.valueOf(value).equals(String.valueOf(now));
                boolean inConflict = conflicts.stream().anyMatch(c -> row.endsWith(c.rowId())
                        && (String.valueOf(value).equals(c.keptValue()) || String.valueOf(value).equals(c.otherValue())
                        || c.field().equals("deleted")));
                boolean inQuarantine = quarantined.stream().anyMatch(q -> row.endsWith(q.rowId()));
                assertThat(inData || inConflict || inQuarantine)
                        .as("last edit %s=%s is in the data (%s), a conflict or the quarantine", key, value, now)
                        .isTrue();
            });
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * Wraps a hub client with one fault on its n-th exchange: request lost, answer lost, or the request delivered
     * twice. Exchanges may come from the thread that asks pages ahead.
     */
    static final class FaultyClient extends DelegatingHubClient {
        private final Fault fault;
        private final int faultyExchange;
        private final AtomicInteger exchanges = new AtomicInteger();

        FaultyClient(HubClient delegate, Fault fault, int faultyExchange) {
            super(delegate);
            this.fault = fault;
            this.faultyExchange = faultyExchange;
        }

        @Override
        public SyncResponse exchange(String token, SyncRequest request) throws IOException {
            Fault now = exchanges.getAndIncrement() == faultyExchange ? fault : Fault.NONE;
            switch (now) {
                case REQUEST_LOST -> throw new IOException("request lost");
                case RESPONSE_LOST -> {
                    delegate.exchange(token, request);
                    throw new IOException("response lost");
                }
                case DUPLICATE -> {
                    delegate.exchange(token, request);
                    return delegate.exchange(token, request);
                }
                default -> {
                    return delegate.exchange(token, request);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
