package fr.convergence.terrain.sync.it;

import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.NoteTheme;
import fr.convergence.terrain.core.domain.NoteVisibility;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Partner;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.domain.ReferralStatusChange;
import fr.convergence.terrain.core.domain.SupportNote;
import fr.convergence.terrain.core.domain.SupportNoteRevision;
import fr.convergence.terrain.core.store.EnrolmentRepository;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.core.store.NoteRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.ReferralRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Offline edits a laptop user makes, through the same repositories as the application. */
final class Edits {

    static final LocalDate MONDAY = LocalDate.of(2024, 3, 18);
    private final TerrainStore store;
    private final String user;

    Edits(TerrainStore store, String user) {
        this.store = store;
        this.user = user;
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    Participant participant(String worksite, String first, String last) {
        Participant p = new Participant(id(), worksite, first, last, LocalDate.of(1980, 5, 4), "06 00 00 00 00",
                null, "1 rue de la Paix", null, null);
        store.write(user, tx -> {
            new ParticipantRepository(store).save(tx, p);
            new EnrolmentRepository(store).save(tx, new Enrolment(id(), p.id(), worksite, Programme.CVG,
                    ContractType.CDDI, MONDAY.minusMonths(3), null, 26, null, null, null, null, null, null));
            return null;
        });
        return p;
    }

    void save(Participant p) {
        store.write(user, tx -> {
            new ParticipantRepository(store).save(tx, p);
            return null;
        });
    }

    Participant find(String id) {
        return new ParticipantRepository(store).find(id).orElseThrow();
    }

    void hours(Participant p, LocalDate day, HoursKind kind, int minutes) {
        store.write(user, tx -> {
            new HoursRepository(store).set(tx, p.id(), p.worksiteId(), day, kind, minutes);
            return null;
        });
    }

    String note(Participant p, String text) {
        String noteId = id();
        store.write(user, tx -> {
            NoteRepository notes = new NoteRepository(store);
            notes.saveHeader(tx, new SupportNote(noteId, p.id(), p.worksiteId(), MONDAY, NoteTheme.EMPLOI,
                    NoteVisibility.EQUIPE_CHANTIER, user, List.of()));
            notes.addRevision(tx, new SupportNoteRevision(id(), noteId, text, user, Instant.now()), p.worksiteId());
            return null;
        });
        return noteId;
    }

    void revise(String noteId, String worksite, String text) {
        store.write(user, tx -> {
            new NoteRepository(store).addRevision(tx, new SupportNoteRevision(id(), noteId, text, user, Instant.now()),
                    worksite);
            return null;
        });
    }

    String referral(Participant p) {
        String referralId = id();
        Referral referral = new Referral(referralId, p.id(), p.worksiteId(), Partner.CPAM, null, "Droits santé",
                Map.of(), Map.of(), ReferralStatus.BROUILLON, MONDAY, List.of());
        store.write(user, tx -> {
            ReferralRepository referrals = new ReferralRepository(store);
            referrals.save(tx, referral);
            referrals.addStatusChange(tx, new ReferralStatusChange(id(), referralId, null, ReferralStatus.BROUILLON,
                    MONDAY, user, null), p.worksiteId());
            return null;
        });
        return referralId;
    }

    void move(String referralId, ReferralStatus to) {
        Referral current = new ReferralRepository(store).find(referralId).orElseThrow();
        store.write(user, tx -> {
            ReferralRepository referrals = new ReferralRepository(store);
            referrals.save(tx, new Referral(current.id(), current.participantId(), current.worksiteId(),
                    current.partner(), current.partnerName(), current.purpose(), current.documents(),
                    current.sharedFields(), to, current.createdOn(), current.history()));
            referrals.addStatusChange(tx, new ReferralStatusChange(id(), referralId, current.status(), to, MONDAY,
                    user, null), current.worksiteId());
            return null;
        });
    }
}
