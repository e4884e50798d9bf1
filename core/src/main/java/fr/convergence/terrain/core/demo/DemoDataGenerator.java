package fr.convergence.terrain.core.demo;

import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.DerogationKind;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.ExitReason;
import fr.convergence.terrain.core.domain.FollowUp;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.NoteTheme;
import fr.convergence.terrain.core.domain.NoteVisibility;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.ParticipantField;
import fr.convergence.terrain.core.domain.Partner;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.domain.ReferralStatusChange;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.SupportNote;
import fr.convergence.terrain.core.domain.SupportNoteRevision;
import fr.convergence.terrain.core.domain.Territory;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.reference.ReferenceData;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.BulkLoader;
import fr.convergence.terrain.core.store.KeyRepository;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.RowIds;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.store.UserRepository;
import fr.convergence.terrain.core.text.SearchText;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Makes realistic, entirely fictitious data, the same for the same seed and day: PHC participants whose hours
 * climb step by step, CVG participants over several years, exits in every category, notes, and referrals in
 * every status. Used by the demo mode, the tests and the benchmarks.
 */
public final class DemoDataGenerator {

    /** Password of every demo account: published, and long enough for {@code PasswordPolicy} (10 characters). */
    public static final String DEMO_PASSWORD = "demonstration";
    /** Store setting that marks a demo store (shown as DÉMO by the application). */
    public static final String DEMO_META_KEY = "demo_size";
    private static final int[] PHC_LADDER = {4, 6, 8, 12, 16, 20};
    private static final int[] CDDI_HOURS = {20, 24, 26, 26, 30, 35};

    private final Random random;
    private final LocalDate today;
    private final DemoDevices devices;

    /** What was generated. {@code worksiteIds} in generation order; the first is the ESP's and CIP's. */
    public record Summary(DemoSize size, List<String> worksiteIds, String territoryId, int participants,
                          int enrolments, long hoursCells, int notes, int referrals, List<String> logins) {
    }

    public DemoDataGenerator(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
        // Its own generator: choosing laptops must not change the people, hours and notes drawn from `random`. The
        // origin is before any demo period (at most five years, entries six months before it).
        this.devices = new DemoDevices(new Random(seed ^ 0x5DEECE66DL), today.minusYears(10));
    }

    public Summary generate(TerrainStore store, DemoSize size, PasswordHasher hasher) {
        return generate(store, size, 1, hasher);
    }

    /**
     * The size's data {@code scale} times over (load tests, issue 17): {@code scale} times as many worksites in each
     * territory (demo-only ones after the shipped list's), each with as many people as at scale 1, so a worksite
     * and its first sync keep their real size while the hub and the territories grow. Rows go to the store as they
     * are drawn ({@link BulkLoader}), so memory does not grow with the scale.
     */
    public Summary generate(TerrainStore store, DemoSize size, int scale, PasswordHasher hasher) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale " + scale + " < 1");
        }
        return generate(store, size, scale, size.participants() * scale, hasher);
    }

    /**
     * {@link #generate(TerrainStore, DemoSize, PasswordHasher)} with about {@code participants} people spread over the
     * size's worksites and years instead of its own number: a territory of 2,000 people, say (issue 17's desktop
     * benchmark).
     */
    public Summary generatePeople(TerrainStore store, DemoSize size, int participants, PasswordHasher hasher) {
        return generate(store, size, 1, participants, hasher);
    }

    private Summary generate(TerrainStore store, DemoSize size, int scale, int participants, PasswordHasher hasher) {
        ReferenceData reference = ReferenceData.load();
        ReferenceRepository referenceRepository = new ReferenceRepository(store);
        referenceRepository.install(reference);
        List<Worksite> worksites = chooseWorksites(reference, size, scale);
        String territoryId = worksites.get(0).territoryId();
        store.write("system", tx -> {
            worksites.forEach(w -> referenceRepository.addWorksite(tx, w));
            return null;
        });
        Map<Role, User> users = createUsers(store, hasher, worksites.get(0), territoryId);
        List<String> authors = users.values().stream().map(User::id).toList();

        Counters counters = new Counters();
        BulkLoader loader = new BulkLoader(store);
        LocalDate periodStart = today.minusYears(size.years());
        int perWorksite = Math.max(1, participants / worksites.size());
        for (Worksite worksite : worksites) {
            for (int i = 0; i < perWorksite; i++) {
                generateParticipant(loader, worksite, periodStart, authors, counters);
            }
        }
        loader.commit();
        store.putMeta(DEMO_META_KEY, size.name());
        return new Summary(size, worksites.stream().map(Worksite::id).toList(), territoryId, counters.participants,
                counters.enrolments, counters.hours, counters.notes, counters.referrals,
                users.values().stream().map(User::login).toList());
    }

    private static final class Counters {
        int participants;
        int enrolments;
        long hours;
        int notes;
        int referrals;
    }

    private List<Worksite> chooseWorksites(ReferenceData reference, DemoSize size, int scale) {
        return switch (size) {
            case SITE -> {
                // The ESP's worksite first, then (scaled) Lille's others.
                Worksite first = reference.worksite("abej-solidarite").orElseThrow();
                List<Worksite> worksites = new ArrayList<>(List.of(first));
                territoryWorksites(reference, reference.territory(first.territoryId()).orElseThrow(), scale + 1)
                        .stream().filter(w -> !w.id().equals(first.id())).limit(scale - 1L).forEach(worksites::add);
                yield worksites;
            }
            case TERRITORY -> territoryWorksites(reference, reference.territory("lille").orElseThrow(),
                    size.worksites() * scale);
            case NATIONAL -> reference.territories().stream()
                    .flatMap(t -> territoryWorksites(reference, t, scale * reference.figures().stream()
                            .filter(f -> f.territoryId().equals(t.id())).findFirst().orElseThrow().worksites()).stream())
                    .toList();
        };
    }

    /** The territory's worksites from the reference data, completed with demo-only worksites up to {@code count}. */
    private static List<Worksite> territoryWorksites(ReferenceData reference, Territory territory, int count) {
        List<Worksite> worksites = new ArrayList<>(reference.worksitesOf(territory.id()));
        for (int n = worksites.size() + 1; worksites.size() < count; n++) {
            worksites.add(new Worksite("demo-" + territory.id() + "-" + n,
                    "Chantier Convergence " + territory.name() + " n° " + n + " (démo)", territory.name(),
                    territory.region(), territory.id(), false, true));
        }
        return worksites.subList(0, Math.min(count, worksites.size()));
    }

    private Map<Role, User> createUsers(TerrainStore store, PasswordHasher hasher, Worksite first, String territoryId) {
        Map<Role, User> users = new LinkedHashMap<>();
        users.put(Role.ESP, new User(randomId(), "esp", "Camille Éducatrice (ESP)", Role.ESP, null, Set.of(first.id()), true));
        users.put(Role.CIP, new User(randomId(), "cip", "Yanis Conseiller (CIP)", Role.CIP, null, Set.of(first.id()), true));
        users.put(Role.COORDINATOR, new User(randomId(), "coordination", "Sandrine Coordinatrice", Role.COORDINATOR,
                territoryId, Set.of(), true));
        users.put(Role.ADMIN, new User(randomId(), "admin", "Administration du poste", Role.ADMIN, null, Set.of(), true));
        UserRepository repository = new UserRepository(store);
        var password = hasher.hash(DEMO_PASSWORD.toCharArray());
        // Encrypted like a real laptop's (ADR 0005): the demo must show and measure the same store. The accounts
        // share the public demo password, so they share one wrap of the key (one slow derivation, not four).
        KeyRepository keys = new KeyRepository(store);
        if (!store.isEncrypted()) {
            keys.encryptStore(null, null, hasher.iterations());
        }
        var wrap = keys.wrapForPassword(DEMO_PASSWORD.toCharArray(), hasher.iterations());
        store.write("system", tx -> {
            users.values().forEach(u -> {
                repository.create(tx, u, password);
                keys.saveWrap(tx, u.id(), wrap);
            });
            return null;
        });
        return users;
    }

    private void generateParticipant(BulkLoader loader, Worksite worksite, LocalDate periodStart, List<String> authors,
                                     Counters counters) {
        Participant drawn = person(worksite.id());
        long span = ChronoUnit.DAYS.between(periodStart.minusMonths(6), today.minusWeeks(1));
        LocalDate entry = periodStart.minusMonths(6).plusDays(random.nextInt((int) Math.max(1, span)));
        entry = entry.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        if (entry.isAfter(today)) {
            entry = today.with(DayOfWeek.MONDAY);
        }
        // The file is created on the entry day, known only now.
        Participant participant = new Participant(devices.id(worksite.id(), entry), drawn.worksiteId(),
                drawn.firstName(), drawn.lastName(), drawn.birthDate(), drawn.phone(), drawn.email(), drawn.address(),
                drawn.socialSecurityNumber(), drawn.referentName());
        loader.participant(participant);
        counters.participants++;
        List<Enrolment> enrolments = new ArrayList<>();
        LocalDate cddiStart = entry;
        if (worksite.runsPhc() && random.nextInt(100) < 35) {
            Enrolment phc = phcPath(loader, participant, entry, periodStart, counters);
            enrolments.add(phc);
            // A third of PHC participants move on to a regular CDDI on the same worksite.
            boolean toCddi = phc.exitDate() != null && phc.exitCategory() == null;
            cddiStart = toCddi ? phc.exitDate().plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)) : null;
        }
        if (cddiStart != null && !cddiStart.isAfter(today)) {
            enrolments.add(cddiPath(loader, participant, cddiStart, periodStart, counters));
        }
        LocalDate firstDay = enrolments.get(0).entryDate();
        LocalDate lastDay = enrolments.get(enrolments.size() - 1).exitDate() == null ? today
                : enrolments.get(enrolments.size() - 1).exitDate();
        notes(loader, participant, firstDay, lastDay, authors, counters);
        referrals(loader, participant, firstDay, lastDay, authors, counters);
    }

    private Enrolment phcPath(BulkLoader loader, Participant p, LocalDate entry, LocalDate periodStart,
                              Counters counters) {
        String enrolmentId = id(p.worksiteId(), entry);
        List<PhcStep> steps = new ArrayList<>();
        LocalDate stepStart = entry;
        int level = 0;
        LocalDate end = null;
        ExitCategory category = null;
        ExitReason reason = null;
        while (true) {
            steps.add(new PhcStep(id(p.worksiteId(), stepStart), enrolmentId, PHC_LADDER[level], stepStart));
            LocalDate next = stepStart.plusWeeks(5 + random.nextInt(6));
            if (next.isAfter(today)) {
                break;
            }
            if (level == PHC_LADDER.length - 1 || random.nextInt(100) < 8) {
                end = next.minusDays(3);
                int outcome = random.nextInt(100);
                if (outcome < 45) {
                    // Internal transition to a CDDI: not an exit from the worksite, so no exit category.
                    break;
                }
                reason = randomReason(outcome < 55 ? ExitCategory.SORTIE_POSITIVE : ExitCategory.AUTRE_SORTIE);
                category = reason.category();
                break;
            }
            level++;
            stepStart = next;
        }
        Enrolment enrolment = new Enrolment(enrolmentId, p.id(), p.worksiteId(), Programme.PHC, ContractType.PHC, entry,
                null, null, null, null, null, end, category, reason);
        loader.enrolment(enrolment);
        counters.enrolments++;
        steps.forEach(s -> loader.phcStep(s, p.worksiteId()));
        for (int i = 0; i < steps.size(); i++) {
            LocalDate from = steps.get(i).startDate();
            LocalDate to = i + 1 < steps.size() ? steps.get(i + 1).startDate().minusDays(1) : (end == null ? today : end);
            phcHours(loader, p, steps.get(i).targetHours(), max(from, periodStart), to, counters);
        }
        return enrolment;
    }

    private Enrolment cddiPath(BulkLoader loader, Participant p, LocalDate entry, LocalDate periodStart,
                               Counters counters) {
        boolean derogation = random.nextInt(100) < 10;
        int weekly = derogation ? 15 : CDDI_HOURS[random.nextInt(CDDI_HOURS.length)];
        int months = 4 + random.nextInt(40);
        LocalDate plannedEnd = entry.plusMonths(months);
        boolean extended = months > 24;
        LocalDate exit = plannedEnd.isBefore(today) ? plannedEnd : null;
        ExitReason reason = exit == null ? null : randomReason(randomCategory());
        Enrolment enrolment = new Enrolment(id(p.worksiteId(), entry), p.id(), p.worksiteId(), Programme.CVG, ContractType.CDDI, entry,
                plannedEnd, weekly, derogation ? DerogationKind.INDIVIDUELLE : null,
                derogation ? entry.plusMonths(11) : null,
                extended ? "Prolongation pour achever la formation qualifiante en cours" : null, exit,
                reason == null ? null : reason.category(), reason);
        loader.enrolment(enrolment);
        counters.enrolments++;
        cddiHours(loader, p, weekly, max(entry, periodStart), exit == null ? today : exit, counters);
        if (exit != null) {
            for (int monthsAfter : new int[] {1, 3, 6, 12}) {
                LocalDate due = exit.plusMonths(monthsAfter);
                boolean done = due.isBefore(today) && random.nextInt(100) < 80;
                loader.followUp(new FollowUp(id(p.worksiteId(), exit), enrolment.id(), p.id(), monthsAfter, due,
                        done ? due.plusDays(random.nextInt(10)) : null,
                        done ? FOLLOW_UP_OUTCOMES[random.nextInt(FOLLOW_UP_OUTCOMES.length)] : null), p.worksiteId());
            }
        }
        return enrolment;
    }

    private static final String[] FOLLOW_UP_OUTCOMES = {
        "Toujours en poste, contact téléphonique.", "En formation, tout se passe bien.",
        "Sans emploi, orienté·e vers France Travail.", "Injoignable, message laissé.",
        "Contrat prolongé par l’employeur."};

    private void phcHours(BulkLoader loader, Participant p, int target, LocalDate from, LocalDate to,
                          Counters counters) {
        for (LocalDate monday = from.with(DayOfWeek.MONDAY); !monday.isAfter(to); monday = monday.plusWeeks(1)) {
            int remaining = target * 60;
            int day = 0;
            while (remaining > 0 && day < 5) {
                int session = Math.min(remaining, (2 + random.nextInt(3)) * 60);
                LocalDate date = monday.plusDays(day);
                day += 1 + (target <= 8 ? random.nextInt(2) : 0);
                remaining -= session;
                if (date.isBefore(from) || date.isAfter(to)) {
                    continue;
                }
                int roll = random.nextInt(100);
                HoursKind kind = roll < 6 ? HoursKind.ABSENCE_INJUSTIFIEE : roll < 12 ? HoursKind.ABSENCE_JUSTIFIEE
                        : HoursKind.TRAVAIL_CHANTIER;
                loader.hours(p.id(), p.worksiteId(), date, kind, session);
                counters.hours++;
            }
        }
    }

    private void cddiHours(BulkLoader loader, Participant p, int weekly, LocalDate from, LocalDate to,
                           Counters counters) {
        int days = weekly >= 30 ? 5 : 4;
        int perDay = (weekly * 60 / days) / 15 * 15;
        for (LocalDate monday = from.with(DayOfWeek.MONDAY); !monday.isAfter(to); monday = monday.plusWeeks(1)) {
            boolean holidays = random.nextInt(100) < 8;
            for (int d = 0; d < days && !holidays; d++) {
                LocalDate date = monday.plusDays(d);
                if (date.isBefore(from) || date.isAfter(to)) {
                    continue;
                }
                int roll = random.nextInt(100);
                if (roll < 4) {
                    loader.hours(p.id(), p.worksiteId(), date, HoursKind.ABSENCE_JUSTIFIEE, perDay);
                } else if (roll < 7) {
                    loader.hours(p.id(), p.worksiteId(), date, HoursKind.ABSENCE_INJUSTIFIEE, perDay);
                } else if (roll < 11) {
                    // A Franprix-style half-day in a company, the rest of the day on the worksite.
                    loader.hours(p.id(), p.worksiteId(), date, HoursKind.ENTREPRISE, 240);
                    if (perDay > 240) {
                        loader.hours(p.id(), p.worksiteId(), date, HoursKind.TRAVAIL_CHANTIER, perDay - 240);
                        counters.hours++;
                    }
                } else if (roll < 14) {
                    loader.hours(p.id(), p.worksiteId(), date, HoursKind.FORMATION, perDay);
                } else {
                    loader.hours(p.id(), p.worksiteId(), date, HoursKind.TRAVAIL_CHANTIER, perDay);
                }
                counters.hours++;
            }
        }
    }

    private static final String[][] NOTE_TEXTS = {
        {"EMPLOI", "Point sur le projet professionnel\u00a0: intérêt pour la logistique, visite d’entrepôt prévue."},
        {"EMPLOI", "Préparation d’un CV et simulation d’entretien avec la CIP."},
        {"LOGEMENT", "Demande de logement social déposée, dossier complet transmis."},
        {"LOGEMENT", "Rendez-vous pris avec le SIAO pour une orientation vers un hébergement stable."},
        {"SANTE", "Rappel du rendez-vous de bilan de santé proposé par la CPAM."},
        {"MOBILITE", "Inscription au code de la route\u00a0; aide au financement du permis à étudier."},
        {"DROITS_DEMARCHES", "Renouvellement du titre de séjour\u00a0: liste des pièces remise."},
        {"DROITS_DEMARCHES", "Ouverture des droits à la complémentaire santé solidaire."},
        {"LANGUE", "Inscription à l’atelier sociolinguistique du mardi."},
        {"BUDGET", "Point budget\u00a0: échéancier mis en place avec le fournisseur d’énergie."},
        {"JUSTICE", "Convocation reçue\u00a0: accompagnement au rendez-vous avec le SPIP."},
        {"AUTRE", "Ponctualité en progrès depuis trois semaines, à valoriser."}};

    private void notes(BulkLoader loader, Participant p, LocalDate from, LocalDate to, List<String> authors,
                       Counters counters) {
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            String[] template = NOTE_TEXTS[random.nextInt(NOTE_TEXTS.length)];
            LocalDate date = between(from, to);
            String noteId = id(p.worksiteId(), date);
            String author = authors.get(random.nextInt(2));
            Instant created = date.atTime(10 + random.nextInt(7), 0).toInstant(ZoneOffset.UTC);
            List<SupportNoteRevision> revisions = new ArrayList<>();
            revisions.add(new SupportNoteRevision(id(p.worksiteId(), date), noteId, template[1], author, created));
            if (random.nextInt(100) < 20) {
                revisions.add(new SupportNoteRevision(id(p.worksiteId(), date.plusDays(2)), noteId,
                        template[1] + " Mise à jour\u00a0: démarche effectuée.",
                        author, created.plus(2, ChronoUnit.DAYS)));
            }
            loader.note(new SupportNote(noteId, p.id(), p.worksiteId(), date, NoteTheme.valueOf(template[0]),
                    random.nextInt(100) < 70 ? NoteVisibility.EQUIPE_CHANTIER : NoteVisibility.CIP_ET_COORDINATION,
                    author, revisions));
            counters.notes++;
        }
    }

    private static final String[] PURPOSES = {
        "Ouverture des droits à l’assurance maladie", "Demande de logement", "Tenue professionnelle pour entretien",
        "Embauche progressive en magasin", "Accompagnement vers l’emploi durable", "Inscription et suivi",
        "Demande d’hébergement stable"};

    private void referrals(BulkLoader loader, Participant p, LocalDate from, LocalDate to, List<String> authors,
                           Counters counters) {
        int count = random.nextInt(100) < 35 ? 1 + random.nextInt(2) : 0;
        for (int i = 0; i < count; i++) {
            Partner partner = Partner.values()[random.nextInt(Partner.values().length)];
            ReferralStatus target = ReferralStatus.values()[random.nextInt(ReferralStatus.values().length)];
            keepRandomIdDraws();
            LocalDate created = between(from, to);
            String referralId = devices.id(p.worksiteId(), created);
            String author = authors.get(1);
            List<ReferralStatusChange> history = new ArrayList<>();
            history.add(new ReferralStatusChange(id(p.worksiteId(), created), referralId, null,
                    ReferralStatus.BROUILLON, created, author, null));
            ReferralStatus current = ReferralStatus.BROUILLON;
            LocalDate day = created;
            for (ReferralStatus next : pathTo(target)) {
                day = min(day.plusDays(1 + random.nextInt(20)), today);
                history.add(new ReferralStatusChange(id(p.worksiteId(), day), referralId, current, next, day, author,
                        next == ReferralStatus.REFUSEE ? "Dossier incomplet selon le partenaire" : null));
                current = next;
            }
            Map<String, Boolean> documents = new LinkedHashMap<>();
            partner.usualDocuments().forEach(d -> documents.put(d, random.nextBoolean()));
            Map<ParticipantField, String> shared = new LinkedHashMap<>();
            partner.neededFields().forEach(f -> {
                String value = f.valueOf(p);
                if (value != null) {
                    shared.put(f, value);
                }
            });
            loader.referral(new Referral(referralId, p.id(), p.worksiteId(), partner,
                    partner == Partner.AUTRE ? "Restos du Cœur" : null, PURPOSES[random.nextInt(PURPOSES.length)],
                    documents, shared, current, created, history));
            counters.referrals++;
        }
    }

    private static List<ReferralStatus> pathTo(ReferralStatus target) {
        return switch (target) {
            case BROUILLON -> List.of();
            case ENVOYEE -> List.of(ReferralStatus.ENVOYEE);
            case EN_COURS -> List.of(ReferralStatus.ENVOYEE, ReferralStatus.EN_COURS);
            case ACCEPTEE, REFUSEE, SANS_SUITE -> List.of(ReferralStatus.ENVOYEE, ReferralStatus.EN_COURS, target);
        };
    }

    private ExitCategory randomCategory() {
        int roll = random.nextInt(100);
        return roll < 25 ? ExitCategory.EMPLOI_DURABLE : roll < 50 ? ExitCategory.EMPLOI_TRANSITION
                : roll < 70 ? ExitCategory.SORTIE_POSITIVE : ExitCategory.AUTRE_SORTIE;
    }

    private ExitReason randomReason(ExitCategory category) {
        List<ExitReason> reasons = category.reasons();
        return reasons.get(random.nextInt(reasons.size()));
    }

    private Participant person(String worksiteId) {
        String first = DemoNames.FIRST_NAMES.get(random.nextInt(DemoNames.FIRST_NAMES.size()));
        String last = DemoNames.LAST_NAMES.get(random.nextInt(DemoNames.LAST_NAMES.size()));
        if (random.nextInt(100) < 5) {
            last = last + "-" + DemoNames.LAST_NAMES.get(random.nextInt(DemoNames.LAST_NAMES.size()));
        }
        LocalDate birth = LocalDate.of(1960 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String phone = String.format("0%d %02d %02d %02d %02d", 6 + random.nextInt(2), random.nextInt(100),
                random.nextInt(100), random.nextInt(100), random.nextInt(100));
        String email = random.nextInt(100) < 30
                ? SearchText.fold(first).replace(' ', '-') + "." + SearchText.fold(last).replace(' ', '-') + "@exemple.fr"
                : null;
        String address = random.nextInt(100) < 20 ? "Domiciliation\u00a0: CCAS, 1 place de la Mairie"
                : (1 + random.nextInt(120)) + " " + DemoNames.STREETS.get(random.nextInt(DemoNames.STREETS.size()));
        // Fictitious: the department code 99 and the key 00 make sure no real number is produced.
        String nir = random.nextInt(100) < 40 ? String.format("%d %02d %02d 99 %03d %03d 00", 1 + random.nextInt(2),
                birth.getYear() % 100, birth.getMonthValue(), random.nextInt(1000), random.nextInt(1000)) : null;
        String referent = random.nextInt(100) < 60
                ? DemoNames.REFERENTS.get(random.nextInt(DemoNames.REFERENTS.size())) : null;
        keepRandomIdDraws();
        return new Participant(null, worksiteId, first, last, birth, phone, email, address, nir, referent);
    }

    /** A random UUID (version 4), for what never syncs: the local accounts. */
    private String randomId() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least).toString();
    }

    /** The id a laptop of the worksite gave a row it created on {@code day}. */
    private String id(String worksiteId, LocalDate day) {
        keepRandomIdDraws();
        return devices.id(worksiteId, day);
    }

    /**
     * The two draws the random ids of earlier versions took: so the demo's people, hours, notes and referrals stay
     * the ones every figure of docs/performance.md was measured on, only their ids change.
     */
    private void keepRandomIdDraws() {
        random.nextLong();
        random.nextLong();
    }

    /**
     * Row ids as the worksite's laptops would have issued them ({@link RowIds}): two laptops per worksite, each
     * counting the rows it created in date order. A row created on day d takes the laptop's first free counter
     * from d (days since {@code origin}): a laptop of the demo creates well under one row a day, so its counters
     * grow with time, by about one a day — faster than a real laptop's, which grow by one per row created. Pages
     * measured on the demo are therefore, if anything, larger than real ones.
     */
    private static final class DemoDevices {
        private static final int LAPTOPS_PER_WORKSITE = 2;
        private final Random choice;
        private final LocalDate origin;
        private final Map<String, long[]> prefixes = new HashMap<>();
        private final Map<Long, BitSet> used = new HashMap<>();

        DemoDevices(Random choice, LocalDate origin) {
            this.choice = choice;
            this.origin = origin;
        }

        String id(String worksiteId, LocalDate day) {
            long[] laptops = prefixes.computeIfAbsent(worksiteId, w -> {
                long[] drawn = new long[LAPTOPS_PER_WORKSITE];
                for (int i = 0; i < drawn.length; i++) {
                    drawn[i] = RowIds.prefixOf(choice.nextLong());
                }
                return drawn;
            });
            long prefix = laptops[choice.nextInt(laptops.length)];
            BitSet taken = used.computeIfAbsent(prefix, p -> new BitSet());
            int counter = taken.nextClearBit(1 + (int) Math.max(0, ChronoUnit.DAYS.between(origin, day)));
            taken.set(counter);
            return RowIds.id(prefix, counter);
        }
    }

    private LocalDate between(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days <= 0 ? from : from.plusDays(random.nextInt((int) days + 1));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
