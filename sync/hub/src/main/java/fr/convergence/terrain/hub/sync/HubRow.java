package fr.convergence.terrain.hub.sync;

import java.util.LinkedHashMap;
import java.util.Map;

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
    private StoredMeta metaSource;
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
        this(table, id, worksiteId, participantId, data, StoredMeta.of(meta), version, updatedBy, seq, createdSeq,
                movedSeq, deletedAt);
    }

    /**
     * The per-field meta of a row as read from the store, parsed only if a field's meta is asked for. Whether a
     * device wrote any of the row's fields is asked first, and of the stored text: on a first sync after the
     * laptop's own writes, most rows are nobody's echo and go whole, unparsed.
     */
    public interface StoredMeta {

        Map<String, FieldMeta> parse();

        /** False only when {@code device} wrote none of the fields; may be true when it did not. */
        boolean mayName(String device);

        static StoredMeta of(Map<String, FieldMeta> meta) {
            return new StoredMeta() {
                @Override
                public Map<String, FieldMeta> parse() {
                    return meta;
                }

                @Override
                public boolean mayName(String device) {
                    return names(meta, device);
                }
            };
        }
    }

    /**
     * A row whose per-field meta is read from {@code metaSource} only if asked for (then copied: the row owns its
     * maps; a caller must not change what {@code metaSource} gives before that).
     */
    public HubRow(String table, String id, String worksiteId, String participantId, Map<String, Object> data,
                  StoredMeta metaSource, String version, String updatedBy, long seq,
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
            meta = new LinkedHashMap<>(metaSource.parse());
            metaSource = null;
        }
        return meta;
    }

    /** False only when {@code device} wrote none of this row's fields; asked without parsing the meta if unread. */
    public boolean mayHaveFieldsOf(String device) {
        return meta != null ? names(meta, device) : metaSource.mayName(device);
    }

    private static boolean names(Map<String, FieldMeta> meta, String device) {
        for (FieldMeta field : meta.values()) {
            if (device.equals(field.device())) {
                return true;
            }
        }
        return false;
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
