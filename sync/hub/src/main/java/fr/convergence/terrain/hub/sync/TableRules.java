package fr.convergence.terrain.hub.sync;

import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.referral.ReferralWorkflow;
import fr.convergence.terrain.hub.sync.HubStore.HubTransaction;
import fr.convergence.terrain.hub.sync.SyncedTable.Write;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** The checks and effects that {@link SyncedTables} declares for one table or another. */
final class TableRules {

    private TableRules() {
    }

    /** A constant of {@code type}, else "{@code what} : « value »." */
    static <E extends Enum<E>> Optional<String> known(Class<E> type, Object value, String what) {
        try {
            Enum.valueOf(type, String.valueOf(value));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(what + " : « " + value + " ».");
        }
    }

    /** A version of a note is never edited: a new version is added. */
    static Optional<String> revisionKept(Write write) {
        return write.stored() != null && write.fields().containsKey("body")
                ? Optional.of("Une version de note ne se modifie pas : ajoutez une nouvelle version.")
                : Optional.empty();
    }

    /** A referral's status moves along its workflow only. */
    static Optional<String> referralStatus(Write write) {
        if (!write.fields().containsKey("status")) {
            return Optional.empty();
        }
        ReferralStatus to = status(write.fields().get("status"));
        if (to == null) {
            return unknownStatus(write.fields().get("status"));
        }
        if (write.stored() == null) {
            return Optional.empty();
        }
        ReferralStatus from = status(write.stored().data().get("status"));
        if (from == to || ReferralWorkflow.canMove(from, to)) {
            return Optional.empty();
        }
        return Optional.of(closedMeanwhile(write.tx(), write.stored(), from, to).orElseGet(() ->
                ReferralWorkflow.checkTransition(from, to, LocalDate.now(write.hubClock()), "hub").text()));
    }

    /** A status change is recorded once, and only as a move its referral may make. */
    static Optional<String> statusChange(Write write) {
        Map<String, Object> fields = write.fields();
        if (write.stored() != null) {
            return fields.containsKey("to_status") || fields.containsKey("from_status")
                    ? Optional.of("Un changement de statut enregistré ne se modifie pas.") : Optional.empty();
        }
        HubRow referral = write.tx().rowForUpdate("referral", (String) fields.get("referral_id")).orElseThrow();
        ReferralStatus current = status(referral.data().get("status"));
        ReferralStatus to = status(fields.get("to_status"));
        if (to == null) {
            return unknownStatus(fields.get("to_status"));
        }
        if (current == to || ReferralWorkflow.canMove(current, to)) {
            return Optional.empty();
        }
        return Optional.of(closedMeanwhile(write.tx(), referral, current, to).orElseGet(() ->
                ReferralWorkflow.checkTransition(current, to, FieldChecks.parseDate(fields.get("changed_on")),
                        (String) fields.get("changed_by")).text()));
    }

    /** A status change record moves its referral (the hub keeps the referral's status in step with its history). */
    static void moveReferral(HubTransaction tx, HubRow change, Supplier<String> hubStamp) {
        if (change.deleted()) {
            return;
        }
        tx.rowForUpdate("referral", (String) change.data().get("referral_id")).ifPresent(referral -> {
            Object to = change.data().get("to_status");
            if (!Objects.equals(referral.data().get("status"), to)) {
                Object before = referral.data().get("status");
                referral.data().put("status", to);
                referral.meta().put("status", new FieldMeta(hubStamp.get(), FieldMeta.PENDING, FieldMeta.HUB, before));
                tx.save(referral);
            }
        });
    }

    /** The hub records conflicts; a laptop only resolves them (SyncRepository.resolve). */
    static Optional<String> onlyResolved(Write write) {
        if (write.stored() == null) {
            return Optional.of("Seul le hub enregistre un conflit : cette saisie n'est pas acceptée.");
        }
        for (Map.Entry<String, Object> field : write.fields().entrySet()) {
            boolean resolution = field.getKey().equals("resolved") || field.getKey().equals("resolution");
            if (!resolution && !Objects.equals(field.getValue(), write.stored().data().get(field.getKey()))) {
                return Optional.of("Un conflit enregistré ne se modifie pas : il se résout.");
            }
        }
        return Optional.empty();
    }

    /**
     * An audit journal entry is written once, never deleted: a new entry that is not a tombstone, or the same entry
     * sent again unchanged (a laptop re-sending to a hub restored from a backup); any other write is refused.
     */
    static Optional<String> appendOnly(Write write) {
        if (write.stored() == null) {
            return Boolean.TRUE.equals(write.fields().get("deleted"))
                    ? Optional.of("Une entrée du journal d'accès ne s'efface pas.") : Optional.empty();
        }
        for (Map.Entry<String, Object> field : write.fields().entrySet()) {
            Object stored = write.stored().data().get(field.getKey());
            // Numbers compared by value: the store reads a small long back as an int.
            boolean same = field.getValue() instanceof Number sent && stored instanceof Number kept
                    ? sent.longValue() == kept.longValue() : Objects.equals(field.getValue(), stored);
            if (!same) {
                return Optional.of("Une entrée du journal d'accès ne se modifie pas et ne s'efface pas.");
            }
        }
        return Optional.empty();
    }

    /**
     * For a move refused because the referral was closed meanwhile: when and on which laptop, from the status
     * change that closed it (its writer is the device that sent it). Empty when the referral is not closed or the
     * hub holds no such change (a store imported without its history).
     */
    private static Optional<String> closedMeanwhile(HubTransaction tx, HubRow referral, ReferralStatus closedAs,
                                                    ReferralStatus wanted) {
        if (closedAs == null || !closedAs.terminal()) {
            return Optional.empty();
        }
        return tx.rowsOfParticipant(referral.participantId()).stream()
                .filter(r -> r.table().equals("referral_status_change") && !r.deleted()
                        && referral.id().equals(r.data().get("referral_id"))
                        && closedAs.name().equals(r.data().get("to_status")))
                .max(Comparator.comparing(HubRow::version))
                .map(closing -> ReferralWorkflow.closedElsewhere(closedAs,
                        FieldChecks.parseDate(closing.data().get("changed_on")),
                        tx.device(closing.updatedBy()).map(Device::label).orElse(null), wanted));
    }

    private static Optional<String> unknownStatus(Object value) {
        return Optional.of("Statut d'orientation inconnu : « " + value + " ».");
    }

    private static ReferralStatus status(Object value) {
        try {
            return value == null ? null : ReferralStatus.valueOf(value.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
