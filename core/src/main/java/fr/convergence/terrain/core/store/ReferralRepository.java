package fr.convergence.terrain.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import fr.convergence.terrain.core.domain.ParticipantField;
import fr.convergence.terrain.core.domain.Partner;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.domain.ReferralStatusChange;
import fr.convergence.terrain.core.store.generated.tables.records.ReferralRecord;
import fr.convergence.terrain.core.store.generated.tables.records.ReferralStatusChangeRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Result;

import static fr.convergence.terrain.core.store.generated.Tables.REFERRAL;
import static fr.convergence.terrain.core.store.generated.Tables.REFERRAL_STATUS_CHANGE;

/** Referrals to partners and their dated status history. */
public final class ReferralRepository {

    private static final TypeReference<LinkedHashMap<String, Boolean>> DOCUMENTS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<ParticipantField, String>> FIELDS = new TypeReference<>() {
    };

    private final TerrainStore store;

    public ReferralRepository(TerrainStore store) {
        this.store = store;
    }

    /** Saves the referral itself (status included); each status move also goes through {@link #addStatusChange}. */
    public void save(StoreTransaction tx, Referral referral) {
        ReferralRecord r = tx.sql().newRecord(REFERRAL);
        r.setId(referral.id());
        r.setParticipantId(referral.participantId());
        r.setWorksiteId(referral.worksiteId());
        r.setPartnerCode(referral.partner().name());
        r.setPartnerName(referral.partnerName());
        r.setPurpose(referral.purpose());
        r.setDocuments(json(referral.documents()));
        r.setSharedFields(json(referral.sharedFields()));
        r.setStatus(referral.status().name());
        r.setCreatedOn(referral.createdOn());
        tx.save(r);
    }

    public void addStatusChange(StoreTransaction tx, ReferralStatusChange change, String worksiteId) {
        ReferralStatusChangeRecord r = tx.sql().newRecord(REFERRAL_STATUS_CHANGE);
        r.setId(change.id());
        r.setReferralId(change.referralId());
        r.setWorksiteId(worksiteId);
        r.setFromStatus(EnrolmentRepository.name(change.from()));
        r.setToStatus(change.to().name());
        r.setChangedOn(change.changedOn());
        r.setChangedBy(change.changedBy());
        r.setComment(change.comment());
        tx.save(r);
    }

    public Optional<Referral> find(String id) {
        return store.read(sql -> fetch(sql, REFERRAL.ID.eq(id)).stream().findFirst());
    }

    public List<Referral> ofParticipant(String participantId) {
        return store.read(sql -> fetch(sql, REFERRAL.PARTICIPANT_ID.eq(participantId)));
    }

    public List<Referral> ofWorksite(String worksiteId) {
        return store.read(sql -> fetch(sql, REFERRAL.WORKSITE_ID.eq(worksiteId)));
    }

    private static List<Referral> fetch(DSLContext sql, Condition condition) {
        Result<ReferralRecord> referrals = sql.selectFrom(REFERRAL).where(condition, REFERRAL.DELETED.isFalse())
                .orderBy(REFERRAL.CREATED_ON.desc(), REFERRAL.ID).fetch();
        Map<String, List<ReferralStatusChange>> history = sql.selectFrom(REFERRAL_STATUS_CHANGE)
                .where(REFERRAL_STATUS_CHANGE.REFERRAL_ID.in(referrals.getValues(REFERRAL.ID)),
                        REFERRAL_STATUS_CHANGE.DELETED.isFalse())
                .orderBy(REFERRAL_STATUS_CHANGE.CHANGED_ON, REFERRAL_STATUS_CHANGE.VERSION)
                .fetch(ReferralRepository::toDomain).stream()
                .collect(Collectors.groupingBy(ReferralStatusChange::referralId));
        return referrals.map(r -> new Referral(r.getId(), r.getParticipantId(), r.getWorksiteId(),
                Partner.valueOf(r.getPartnerCode()), r.getPartnerName(), r.getPurpose(),
                read(r.getDocuments(), DOCUMENTS), read(r.getSharedFields(), FIELDS),
                ReferralStatus.valueOf(r.getStatus()), r.getCreatedOn(), history.getOrDefault(r.getId(), List.of())));
    }

    static ReferralStatusChange toDomain(ReferralStatusChangeRecord r) {
        return new ReferralStatusChange(r.getId(), r.getReferralId(),
                r.getFromStatus() == null ? null : ReferralStatus.valueOf(r.getFromStatus()),
                ReferralStatus.valueOf(r.getToStatus()), r.getChangedOn(), r.getChangedBy(), r.getComment());
    }

    private static String json(Object value) {
        try {
            return StoreTransaction.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("Orientation impossible à enregistrer", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return StoreTransaction.JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("Orientation illisible dans le fichier de données", e);
        }
    }
}
