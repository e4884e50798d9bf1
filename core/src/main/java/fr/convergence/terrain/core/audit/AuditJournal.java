package fr.convergence.terrain.core.audit;

import fr.convergence.terrain.core.domain.AuditAction;
import fr.convergence.terrain.core.domain.AuditEvent;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.Territory;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.security.PrivateFiles;
import fr.convergence.terrain.core.store.AuditRepository;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.StoreTransaction;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.text.ExcelCsv;
import fr.convergence.terrain.core.text.MessagePatterns;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The audit journal (issue 14): who signed in or failed to, opened a participant's file, printed or exported what,
 * changed an account. Append-only: entries are added, never changed or removed (the hub refuses it too), and synced
 * like any row. An entry says who (account id and display name), what (an {@link AuditAction} and a short detail
 * that is never personal: no note text, no social-security number, no password, no login typed by someone unknown),
 * about whom (a participant's id only) and where: the participant's worksite, or else this laptop's worksite.
 *
 * <p>Only coordinators (their territory's worksites) and administrators (every worksite) read it.
 */
public final class AuditJournal {

    /** Workstation.WORKSITE_META_KEY: repeated here because account records into the journal, not the reverse. */
    static final String LAPTOP_WORKSITE_KEY = "workstation_worksite";
    /** At most so many entries on the page or in an export: a narrower filter finds the rest. */
    public static final int MAX_ENTRIES = 5_000;
    /** How long this laptop keeps an entry ({@link #forgetExpired}). */
    public static final Period RETENTION = Period.ofMonths(12);
    /** The columns of the CSV export, in order. */
    public static final List<String> HEADER = List.of("Date", "Personne", "Action", "Salarié·e", "Détail", "Chantier");

    /** Refused sign-ins kept while the store was locked (store_meta), one per line, and how many were not kept. */
    static final String DEFERRED_KEY = "audit_deferred_sign_ins";
    static final String DEFERRED_DROPPED_KEY = "audit_deferred_sign_ins_dropped";
    /** A store_meta value holds 4,000 characters: 40 lines of time, account id and worksite fit well within. */
    static final int MAX_DEFERRED = 40;
    private static final String UNKNOWN_LOGIN = "identifiant inconnu ou compte désactivé";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private final TerrainStore store;
    private final AuditRepository entries;
    private final ReferenceRepository reference;

    public AuditJournal(TerrainStore store) {
        this.store = store;
        this.entries = new AuditRepository(store);
        this.reference = new ReferenceRepository(store);
    }

    // ---- recording ----------------------------------------------------------------------------------------------

    /**
     * A sign-in, or a refused one. {@code account} is the active account of the login typed, or null when the login
     * is unknown or deactivated: then nothing of what was typed is kept (it may be a password typed in the wrong
     * field).
     */
    public void signIn(User account, boolean success) {
        if (success) {
            forgetExpired();
        }
        if (store.isEncrypted() && !store.isUnlocked()) {
            // A refused sign-in leaves the store locked, and the journal's queue to the hub is encrypted (ADR 0005):
            // the entry waits in the store's settings until the next person unlocks the store.
            defer(account);
            return;
        }
        writeDeferred();
        record(account, success ? AuditAction.CONNEXION : AuditAction.CONNEXION_REFUSEE, null, null,
                account == null ? UNKNOWN_LOGIN : null);
    }

    /**
     * Deletes the entries older than {@link #RETENTION}: the CNIL's recommendation on logging (délibération
     * 2021-122) keeps access traces six months to a year. Done at each successful sign-in, so a laptop used daily
     * holds a year and a day at most; nothing is queued to the hub ({@link AuditRepository#deleteOlderThan}).
     *
     * @return how many entries were deleted
     */
    public int forgetExpired() {
        if (store.isEncrypted() && !store.isUnlocked()) {
            return 0;
        }
        ZoneId zone = store.clock().getZone();
        long before = LocalDate.now(store.clock()).minus(RETENTION).atStartOfDay(zone).toInstant().toEpochMilli();
        return store.write("system", tx -> entries.deleteOlderThan(tx, before));
    }

    /**
     * Keeps a refused sign-in made while the store is locked: when, which account (its id, or none for an unknown
     * login) and where; nothing typed. At most {@value #MAX_DEFERRED} are detailed, the others counted.
     */
    private void defer(User account) {
        List<String> lines = deferred();
        String where = Objects.requireNonNullElse(laptopWorksite(account), "");
        if (lines.size() < MAX_DEFERRED) {
            lines.add(store.clock().millis() + ";" + (account == null ? "" : account.id()) + ";" + where);
            store.putMeta(DEFERRED_KEY, String.join("\n", lines));
        } else {
            long dropped = store.meta(DEFERRED_DROPPED_KEY).map(Long::parseLong).orElse(0L);
            store.putMeta(DEFERRED_DROPPED_KEY, Long.toString(dropped + 1));
        }
    }

    /** Writes the refused sign-ins kept while the store was locked, at their own times, then forgets them. */
    private void writeDeferred() {
        List<String> lines = deferred();
        long dropped = store.meta(DEFERRED_DROPPED_KEY).map(Long::parseLong).orElse(0L);
        if (lines.isEmpty() && dropped == 0) {
            return;
        }
        store.write("system", tx -> {
            String lastWhere = null;
            for (String line : lines) {
                String[] parts = line.split(";", -1);
                String actorId = parts[1].isEmpty() ? null : parts[1];
                String actorName = actorId == null ? null : entries.userName(tx, actorId);
                lastWhere = parts[2].isEmpty() ? null : parts[2];
                add(tx, actorName == null ? null : actorId, actorName, AuditAction.CONNEXION_REFUSEE, lastWhere, null,
                        actorName == null ? UNKNOWN_LOGIN : null, Instant.ofEpochMilli(Long.parseLong(parts[0])));
            }
            if (dropped > 0) {
                add(tx, null, null, AuditAction.CONNEXION_REFUSEE, lastWhere != null ? lastWhere
                        : store.meta(LAPTOP_WORKSITE_KEY).orElse(null), null, MessagePatterns.french(
                        "{0, plural, one {# autre connexion refusée} other {# autres connexions refusées}} pendant "
                        + "que le poste était verrouillé", dropped),
                        tx.clock().instant());
            }
            entries.forgetSettings(tx, DEFERRED_KEY, DEFERRED_DROPPED_KEY);
            return null;
        });
    }

    private List<String> deferred() {
        return store.meta(DEFERRED_KEY).filter(v -> !v.isBlank())
                .map(v -> new ArrayList<>(List.of(v.split("\n")))).orElseGet(ArrayList::new);
    }

    /** A participant's file was opened (read): its own small transaction. */
    public void fileOpened(User actor, Participant participant) {
        record(actor, AuditAction.DOSSIER_CONSULTE, participant.worksiteId(), participant.id(), null);
    }

    /**
     * A change to the account {@code target}, made by {@code actorId} (null or an unknown id: the laptop's
     * installation), in the transaction that makes it.
     */
    public void account(StoreTransaction tx, String actorId, AuditAction action, User target) {
        String actorName = entries.userName(tx, actorId);
        add(tx, actorName == null ? null : actorId, actorName, action, laptopWorksite(target), null,
                "compte de " + target.displayName() + " — " + target.role().label());
    }

    /**
     * A change of role or worksites ({@link AuditAction#COMPTE_MODIFIE}); {@code change} says what the account was
     * and what it is now ({@link #reachOf}, read before the transaction).
     */
    public void accountChanged(StoreTransaction tx, String actorId, User target, String change) {
        String actorName = entries.userName(tx, actorId);
        add(tx, actorName == null ? null : actorId, actorName, AuditAction.COMPTE_MODIFIE, laptopWorksite(target),
                null, "compte de " + target.displayName() + " — " + change);
    }

    /** An account's role and where it works, in words: « CIP (Chantier de Fives, Chantier de Roubaix) ». */
    public String reachOf(User user) {
        List<String> places = new ArrayList<>();
        if (user.territoryId() != null) {
            places.add(reference.territories().stream().filter(t -> t.id().equals(user.territoryId()))
                    .map(Territory::name).findFirst().orElse(user.territoryId()));
        }
        user.worksiteIds().stream().map(id -> reference.worksite(id).map(Worksite::name).orElse(id)).sorted()
                .forEach(places::add);
        return user.role().label() + (places.isEmpty() ? "" : " (" + String.join(", ", places) + ")");
    }

    /** An entry in its own transaction; {@code worksiteId} null means this laptop's worksite. */
    public void record(User actor, AuditAction action, String worksiteId, String participantId, String detail) {
        String where = worksiteId != null ? worksiteId : laptopWorksite(actor);
        if (where == null) {
            return; // A store not installed for a worksite yet: nothing could sync the entry anywhere.
        }
        store.write(actor == null ? "system" : actor.id(), tx -> {
            add(tx, actor == null ? null : actor.id(), actor == null ? null : actor.displayName(), action, where,
                    participantId, detail);
            return null;
        });
    }

    /** An entry in {@code tx}, the transaction of the change it records. */
    public void record(StoreTransaction tx, User actor, AuditAction action, String worksiteId, String participantId,
                       String detail) {
        String where = worksiteId != null ? worksiteId : laptopWorksite(actor);
        if (where != null) {
            add(tx, actor == null ? null : actor.id(), actor == null ? null : actor.displayName(), action, where,
                    participantId, detail);
        }
    }

    private void add(StoreTransaction tx, String actorId, String actorName, AuditAction action, String worksiteId,
                     String participantId, String detail) {
        add(tx, actorId, actorName, action, worksiteId, participantId, detail, tx.clock().instant());
    }

    private void add(StoreTransaction tx, String actorId, String actorName, AuditAction action, String worksiteId,
                     String participantId, String detail, Instant when) {
        if (worksiteId == null) {
            return;
        }
        entries.add(tx, new AuditEvent(store.newRowId(), worksiteId, when, actorId, actorName, action.name(),
                participantId, detail));
    }

    /** This laptop's worksite; failing that (a store not installed), the account's first worksite. */
    private String laptopWorksite(User account) {
        return store.meta(LAPTOP_WORKSITE_KEY).orElseGet(() -> account == null || account.worksiteIds() == null
                ? null : account.worksiteIds().stream().sorted().findFirst().orElse(null));
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    /** Whether {@code user} may read the journal: an active coordinator or administrator. */
    public static boolean canRead(User user) {
        return user != null && user.active() && (user.role() == Role.COORDINATOR || user.role() == Role.ADMIN);
    }

    /**
     * The worksites whose journal {@code viewer} reads: every worksite for an administrator, the worksites of their
     * territory (and their own) for a coordinator; refused to anyone else.
     */
    public Set<String> worksitesOf(User viewer) {
        requireReader(viewer);
        Set<String> worksites = new LinkedHashSet<>();
        for (Worksite worksite : reference.worksites()) {
            if (viewer.role() == Role.ADMIN || (viewer.territoryId() != null
                    && viewer.territoryId().equals(worksite.territoryId()))) {
                worksites.add(worksite.id());
            }
        }
        if (viewer.role() == Role.COORDINATOR && viewer.worksiteIds() != null) {
            worksites.addAll(viewer.worksiteIds());
        }
        return worksites;
    }

    /** The entries {@code viewer} may read that match {@code filter}, newest first, at most {@link #MAX_ENTRIES}. */
    public List<AuditEntry> search(User viewer, AuditFilter filter) {
        Set<String> worksites = worksitesOf(viewer);
        if (worksites.isEmpty()) {
            return List.of();
        }
        ZoneId zone = store.clock().getZone();
        Long from = filter.from() == null ? null : filter.from().atStartOfDay(zone).toInstant().toEpochMilli();
        Long to = filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        List<AuditEvent> found = entries.find(worksites, blankToNull(filter.person()), blankToNull(
                filter.participantId()), filter.action() == null ? null : filter.action().name(), from, to,
                MAX_ENTRIES);
        Map<String, String> names = entries.participantNames(found.stream().map(AuditEvent::participantId)
                .filter(id -> id != null).collect(Collectors.toSet()));
        return found.stream().map(e -> new AuditEntry(e, e.participantId() == null ? null
                : names.get(e.participantId()))).toList();
    }

    /** The people named in the journal {@code viewer} reads, for the filter. */
    public List<String> people(User viewer) {
        Set<String> worksites = worksitesOf(viewer);
        return worksites.isEmpty() ? List.of() : entries.actorNames(worksites);
    }

    /**
     * Writes the entries matching {@code filter} as CSV for French Excel to {@code file} (replaced only once whole),
     * and records the export itself in the journal.
     */
    public int exportCsv(User viewer, AuditFilter filter, Path file) throws IOException {
        List<AuditEntry> found = search(viewer, filter);
        PrivateFiles.write(file, out -> writeCsv(found, out));
        record(viewer, AuditAction.EXPORT, null, null, MessagePatterns.french(
                "journal d’accès ({0, plural, one {# entrée} other {# entrées}})", found.size()));
        return found.size();
    }

    /** The entries as CSV for French Excel: UTF-8 with a byte order mark, {@code ;}, CRLF. */
    public void writeCsv(List<AuditEntry> found, OutputStream out) throws IOException {
        ExcelCsv.bom(out);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        ExcelCsv.line(writer, HEADER);
        Map<String, String> worksiteNames = reference.worksites().stream()
                .collect(Collectors.toMap(Worksite::id, Worksite::name, (a, b) -> a));
        ZoneId zone = store.clock().getZone();
        for (AuditEntry entry : found) {
            AuditEvent e = entry.event();
            ExcelCsv.line(writer, List.of(WHEN.format(e.occurredAt().atZone(zone)), personOf(e), actionOf(e),
                    participantOf(entry), e.detail() == null ? "" : e.detail(),
                    worksiteNames.getOrDefault(e.worksiteId(), e.worksiteId())));
        }
        writer.flush();
    }

    /** Who acted, as shown: the recorded name, or what is known when there is none. */
    public static String personOf(AuditEvent event) {
        return event.actorName() != null ? event.actorName()
                : event.actorId() == null ? "(identifiant inconnu)" : "(compte " + event.actorId() + ")";
    }

    /** The action as shown (its code when written by a newer version). */
    public static String actionOf(AuditEvent event) {
        AuditAction action = event.action();
        return action == null ? event.actionCode() : action.label();
    }

    /** The participant as shown: their name when this laptop holds them, else a note that it does not. */
    public static String participantOf(AuditEntry entry) {
        if (entry.event().participantId() == null) {
            return "";
        }
        return entry.participantName() != null ? entry.participantName() : "(dossier absent de ce poste)";
    }

    private static void requireReader(User viewer) {
        if (!canRead(viewer)) {
            throw new AuditAccessDeniedException("Le journal d’accès est réservé aux coordinateur·rices et aux "
                    + "administrateur·rices.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
