package fr.convergence.terrain.app.data;

import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.account.SetupService;
import fr.convergence.terrain.core.account.StatusService;
import fr.convergence.terrain.core.account.Workstation;
import fr.convergence.terrain.core.audit.AuditJournal;
import fr.convergence.terrain.core.demo.DemoStores;
import fr.convergence.terrain.core.note.NoteService;
import fr.convergence.terrain.core.participant.ParticipantFileService;
import fr.convergence.terrain.core.participant.ParticipantService;
import fr.convergence.terrain.core.print.AttendanceSheetService;
import fr.convergence.terrain.core.print.PrintCatalogService;
import fr.convergence.terrain.core.referral.ReferralFormService;
import fr.convergence.terrain.core.referral.ReferralService;
import fr.convergence.terrain.core.report.ReportService;
import fr.convergence.terrain.core.rights.RightOfAccessService;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.week.WeekService;
import java.nio.file.Path;

/**
 * The core services over one open store, built once per store. View models receive the ones they need;
 * nothing above this class sees the store itself. Pages of other features add their services here.
 */
public final class Services implements AutoCloseable {

    private final TerrainStore store;
    private final Workstation workstation;
    private final AuthService auth;
    private final WeekService week;
    private final ParticipantService participants;
    private final ParticipantFileService participantFiles;
    private final StatusService status;
    private final NoteService notes;
    private final ReferralService referrals;
    private final ReportService reports;
    private final PrintCatalogService printCatalog;
    private final AttendanceSheetService attendanceSheets;
    private final ReferralFormService referralForms;
    private final RightOfAccessService rightOfAccess;
    private final AuditJournal audit;
    private LocalSyncStore syncStore;

    public Services(TerrainStore store, PasswordHasher hasher) {
        this.store = store;
        this.workstation = new Workstation(store);
        this.auth = new AuthService(store, hasher);
        this.week = new WeekService(workstation);
        this.participants = new ParticipantService(workstation);
        this.participantFiles = new ParticipantFileService(store, workstation.access());
        this.status = new StatusService(workstation);
        this.notes = new NoteService(store, workstation.access());
        this.referrals = new ReferralService(store, workstation.access());
        this.reports = new ReportService(store, workstation.access());
        this.printCatalog = new PrintCatalogService(store, workstation.access());
        this.attendanceSheets = new AttendanceSheetService(store, workstation.access());
        this.referralForms = new ReferralFormService(store, workstation.access());
        this.rightOfAccess = new RightOfAccessService(store, participantFiles);
        this.audit = new AuditJournal(store);
    }

    /**
     * Loads SQLite's native library, as opening a store would, before any store is opened: the first screen says why
     * nothing opens. Off the JavaFX thread only.
     *
     * @throws fr.convergence.terrain.core.store.SqliteUnavailableException saying what happened and what to do
     */
    public static void requireSqlite() {
        TerrainStore.requireSqlite();
    }

    /** Opens (creating if needed) the store at {@code file}. Off the JavaFX thread only. */
    public static Services open(Path file, PasswordHasher hasher, java.time.Clock clock) {
        return new Services(TerrainStore.open(file, clock), hasher);
    }

    /**
     * Opens the demo store at {@code file}, generating it first (one worksite) if there is none: built beside its
     * place and moved there whole ({@code DemoStores}), so a start cut short never leaves a half demo to open.
     */
    public static Services openDemo(Path file, PasswordHasher hasher, java.time.Clock clock, long seed) {
        if (java.nio.file.Files.exists(file)) {
            Services existing = open(file, hasher, clock);
            boolean complete;
            try {
                complete = existing.workstation().demo();
            } catch (RuntimeException unreadable) {
                existing.close();
                throw unreadable;
            }
            if (complete) {
                return existing;
            }
            // Left without its demo marker by a version that filled the store in place and was cut short (demo
            // stores are now made aside and moved in whole: DemoStores): the data are fictitious, so made again.
            existing.close();
            DemoStores.discard(file);
        }
        DemoStores.create(file, clock, store -> new SetupService().installDemo(store, hasher, seed,
                java.time.LocalDate.now(clock)));
        return open(file, hasher, clock);
    }

    public Workstation workstation() {
        return workstation;
    }

    public AuthService auth() {
        return auth;
    }

    public WeekService week() {
        return week;
    }

    public ParticipantService participants() {
        return participants;
    }

    public ParticipantFileService participantFiles() {
        return participantFiles;
    }

    public StatusService status() {
        return status;
    }

    public NoteService notes() {
        return notes;
    }

    public ReferralService referrals() {
        return referrals;
    }

    public ReportService reports() {
        return reports;
    }

    public PrintCatalogService printCatalog() {
        return printCatalog;
    }

    public AttendanceSheetService attendanceSheets() {
        return attendanceSheets;
    }

    public ReferralFormService referralForms() {
        return referralForms;
    }

    public RightOfAccessService rightOfAccess() {
        return rightOfAccess;
    }

    public AuditJournal audit() {
        return audit;
    }

    /** What the sync with the national hub needs of this store, made on first use. */
    public synchronized LocalSyncStore syncStore() {
        if (syncStore == null) {
            syncStore = new LocalSyncStore(store);
        }
        return syncStore;
    }

    /**
     * Loads the store's query library (≈ 0.5–1 s the first time in a process), off the JavaFX thread: the first
     * screen is read without it, and the person's sign-in should not wait for it.
     */
    public void prepareQueries() {
        store.prepareQueries();
    }

    /** The day's backup of the store, if none was made today: called at each sign-in, off the JavaFX thread. */
    public void backupIfFirstSignInToday() {
        LocalBackups.dailyIfDue(store);
    }

    /** The store, for services of other features built in this package (never for views or view models). */
    TerrainStore store() {
        return store;
    }

    @Override
    public void close() {
        store.close();
    }
}
