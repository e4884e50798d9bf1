package fr.convergence.terrain.core.store;

import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.store.generated.tables.records.ParticipantRecord;
import fr.convergence.terrain.core.text.NameOrder;
import fr.convergence.terrain.core.text.SearchText;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;

import static fr.convergence.terrain.core.store.generated.Tables.PARTICIPANT;

/** Participants (salarié·es en insertion) of the store. */
public final class ParticipantRepository {

    private final TerrainStore store;

    public ParticipantRepository(TerrainStore store) {
        this.store = store;
    }

    public void save(StoreTransaction tx, Participant p) {
        ParticipantRecord r = tx.sql().newRecord(PARTICIPANT);
        r.setId(p.id());
        r.setWorksiteId(p.worksiteId());
        r.setFirstName(p.firstName());
        r.setLastName(p.lastName());
        r.setSearchName(searchName(p));
        r.setBirthDate(p.birthDate());
        r.setPhone(p.phone());
        r.setEmail(p.email());
        r.setAddress(p.address());
        r.setSocialSecurityNumber(p.socialSecurityNumber());
        r.setReferentName(p.referentName());
        tx.save(r);
    }

    /** People in French order of last name, then first name. */
    public static final Comparator<Participant> BY_NAME = NameOrder.byPerson(Participant::lastName,
            Participant::firstName);

    static String searchName(Participant p) {
        return SearchText.fold(p.firstName() + " " + p.lastName()) + " " + SearchText.fold(p.lastName() + " " + p.firstName());
    }

    public Optional<Participant> find(String id) {
        return store.read(sql -> sql.selectFrom(PARTICIPANT).where(PARTICIPANT.ID.eq(id), PARTICIPANT.DELETED.isFalse())
                .fetchOptional(ParticipantRepository::toDomain));
    }

    public List<Participant> ofWorksite(String worksiteId) {
        return store.read(sql -> sql.selectFrom(PARTICIPANT)
                .where(PARTICIPANT.WORKSITE_ID.eq(worksiteId), PARTICIPANT.DELETED.isFalse())
                .fetch(ParticipantRepository::toDomain)).stream().sorted(BY_NAME).toList();
    }

    /** The worksites that hold at least one participant in this store. */
    public Set<String> worksiteIds() {
        return store.read(sql -> Set.copyOf(sql.selectDistinct(PARTICIPANT.WORKSITE_ID).from(PARTICIPANT)
                .where(PARTICIPANT.DELETED.isFalse()).fetch(PARTICIPANT.WORKSITE_ID)));
    }

    public int count(Collection<String> worksiteIds) {
        return store.read(sql -> sql.fetchCount(PARTICIPANT,
                PARTICIPANT.WORKSITE_ID.in(worksiteIds).and(PARTICIPANT.DELETED.isFalse())));
    }

    /**
     * Accent- and case-insensitive search on first and last name, in either order, within the given worksites:
     * "helene" finds "Hélène", "lefevre h" finds "Hélène Lefèvre".
     */
    public List<Participant> search(Collection<String> worksiteIds, String query, int limit) {
        String folded = SearchText.fold(query);
        Condition condition = PARTICIPANT.WORKSITE_ID.in(worksiteIds).and(PARTICIPANT.DELETED.isFalse());
        if (!folded.isEmpty()) {
            // Each word must start a word of the name: "lef" finds "Lefèvre", not "Delefosse".
            for (String word : folded.split(" ")) {
                String escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
                condition = condition.and(PARTICIPANT.SEARCH_NAME.like(escaped + "%", '\\')
                        .or(PARTICIPANT.SEARCH_NAME.like("% " + escaped + "%", '\\')));
            }
        }
        Condition where = condition;
        // Sorted in Java before the limit: SQLite's byte order would put "Élodie" after "Zoé".
        return store.read(sql -> sql.selectFrom(PARTICIPANT).where(where).fetch(ParticipantRepository::toDomain))
                .stream().sorted(BY_NAME).limit(limit).toList();
    }

    static Participant toDomain(ParticipantRecord r) {
        return new Participant(r.getId(), r.getWorksiteId(), r.getFirstName(), r.getLastName(), r.getBirthDate(),
                r.getPhone(), r.getEmail(), r.getAddress(), r.getSocialSecurityNumber(), r.getReferentName());
    }
}
