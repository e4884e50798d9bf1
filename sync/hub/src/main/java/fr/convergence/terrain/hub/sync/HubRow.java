package fr.convergence.terrain.hub.sync;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The hub's copy of one synced row: its fields (the {@code deleted} flag included) with per-field write meta,
 * its scope (worksite) and owning participant, and the sequences that decide what each laptop receives:
 * {@code seq} the last change, {@code createdSeq} its creation, {@code movedSeq} the last time it entered a scope
 * (or was reset after a refusal), which makes laptops receive it whole.
 */
public final class HubRow {

    private final String table;
    private final String id;
    private String worksiteId;
    private String participantId;
    private final Map<String, Object> data;
    /** Read when first asked for: a page of a first sync sends whole rows and never looks at it. */
    private Supplier<Map<String, FieldMeta>> metaSource;
    private Map<String, FieldMeta> meta;
    private String version;
    private String updatedBy;
    private long seq;
    private long createdSeq;
    private long movedSeq;
    private Long deletedAt;

    public HubRow(String table, String id, String worksiteId, String participantId, Map<String, Object> data,
                  Map<String, FieldMeta> meta, String version, String updatedBy, long seq, long createdSeq,
                  long movedSeq, Long deletedAt) {
        this(table, id, worksiteId, participantId, data, () -> meta, version, updatedBy, seq, createdSeq, movedSeq,
                deletedAt);
    }

    /**
     * A row whose per-field meta is read from {@code metaSource} only if asked for (then copied: the row owns its
     * maps; a caller must not change what {@code metaSource} gives before that).
     */
    public HubRow(String table, String id, String worksiteId, String participantId, Map<String, Object> data,
                  Supplier<Map<String, FieldMeta>> metaSource, String version, String updatedBy, long seq,
                  long createdSeq, long movedSeq, Long deletedAt) {
        this.table = table;
        this.id = id;
        this.worksiteId = worksiteId;
        this.participantId = participantId;
        this.data = new LinkedHashMap<>(data);
        this.metaSource = metaSource;
        this.version = version;
        this.updatedBy = updatedBy;
        this.seq = seq;
        this.createdSeq = createdSeq;
        this.movedSeq = movedSeq;
        this.deletedAt = deletedAt;
    }

    public String table() {
        return table;
    }

    public String id() {
        return id;
    }

    public String worksiteId() {
        return worksiteId;
    }

    public void worksiteId(String worksite) {
        this.worksiteId = worksite;
    }

    public String participantId() {
        return participantId;
    }

    public void participantId(String participant) {
        this.participantId = participant;
    }

    public Map<String, Object> data() {
        return data;
    }

    public Map<String, FieldMeta> meta() {
        if (meta == null) {
            meta = new LinkedHashMap<>(metaSource.get());
            metaSource = null;
        }
        return meta;
    }

    public String version() {
        return version;
    }

    public void version(String newVersion) {
        this.version = newVersion;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public void updatedBy(String user) {
        this.updatedBy = user;
    }

    public long seq() {
        return seq;
    }

    public void seq(long newSeq) {
        this.seq = newSeq;
    }

    public long createdSeq() {
        return createdSeq;
    }

    public void createdSeq(long newSeq) {
        this.createdSeq = newSeq;
    }

    public long movedSeq() {
        return movedSeq;
    }

    public void movedSeq(long newSeq) {
        this.movedSeq = newSeq;
    }

    public boolean deleted() {
        return Boolean.TRUE.equals(data.get("deleted"));
    }

    public Long deletedAt() {
        return deletedAt;
    }

    public void deletedAt(Long millis) {
        this.deletedAt = millis;
    }
}
