package fr.convergence.terrain.core.domain;

import fr.convergence.terrain.core.text.Texts;
import fr.convergence.terrain.core.verdict.Verdict;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An hours cell: the minutes of one kind of hours that one participant did on one day. The one home of what a cell
 * is, wherever it travels: its identity (the same on every laptop, on the hub and on the wire), the bounds of its
 * value, and how the text typed in it is read. The week's rules on top of one cell are {@code week.WeekHoursCheck}'s.
 */
public final class HoursCell {

    public static final int QUARTER_HOUR = 15;
    public static final int MAX_MINUTES = 24 * 60;

    /** Letters typed before the hours, then the hours: "E4" is 4 h in a company. */
    private static final Pattern KIND_LETTERS = Pattern.compile("\\s*([A-Za-z]{1,2})\\s*(.*)", Pattern.DOTALL);

    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    });

    private HoursCell() {
    }

    // --- identity ----------------------------------------------------------------------------------------------

    /**
     * The id of a cell, derived from its natural key, so two laptops that create the same cell offline create the
     * same row, sync merges them instead of duplicating it, and a page may leave the id out.
     */
    public static String id(String participantId, LocalDate day, HoursKind kind) {
        return id(participantId, day.toString(), kind.name());
    }

    /** {@link #id(String, LocalDate, HoursKind)} from the key as rows carry it: ISO day, kind's name. */
    public static String id(String participantId, String isoDay, String kindName) {
        // UUID.nameUUIDFromBytes's type-3 id, with a digest kept per thread: looking MD5 up for every cell was
        // half of a cell's cost in a first sync (hundreds of thousands of cells).
        byte[] md5 = MD5.get().digest(("hours:" + participantId + ":" + isoDay + ":" + kindName)
                .getBytes(StandardCharsets.UTF_8));
        md5[6] = (byte) ((md5[6] & 0x0f) | 0x30);
        md5[8] = (byte) ((md5[8] & 0x3f) | 0x80);
        ByteBuffer bits = ByteBuffer.wrap(md5);
        return new UUID(bits.getLong(), bits.getLong()).toString();
    }

    // --- bounds ------------------------------------------------------------------------------------------------

    /** A value to save in a cell: at least 0 (0 empties the cell), a multiple of 15 minutes, and no more than a day. */
    public static Verdict checkMinutes(int minutes) {
        if (minutes < 0) {
            return Verdict.refused("Les heures ne peuvent pas être négatives\u00a0: pour effacer la case, "
                    + "laissez-la vide ou saisissez 0.");
        }
        if (minutes % QUARTER_HOUR != 0) {
            return Verdict.refused("Les heures se saisissent au quart d’heure près\u00a0: " + Texts.hours(minutes)
                    + " ne tombe pas sur un quart d’heure. " + quarterHint(minutes));
        }
        if (minutes > MAX_MINUTES) {
            return Verdict.refused("Une journée compte au plus 24 h\u00a0: " + Texts.hours(minutes) + " saisies.");
        }
        return Verdict.ok();
    }

    /**
     * The value of a stored, live cell (what a laptop sends the hub): as {@link #checkMinutes}, and not 0 — an
     * emptied cell travels as a removal, never as a cell of 0 h.
     */
    public static Verdict checkStored(int minutes) {
        if (minutes == 0) {
            return Verdict.refused("Une case d’heures enregistrée compte au moins 0 h 15\u00a0: une case vidée se "
                    + "supprime.");
        }
        return checkMinutes(minutes);
    }

    /** "Saisissez par exemple 6 h 15 ou 6 h 30." around a value that is not on a quarter hour. */
    static String quarterHint(int minutes) {
        int below = minutes / QUARTER_HOUR * QUARTER_HOUR;
        return "Saisissez par exemple " + Texts.hours(below) + " ou " + Texts.hours(below + QUARTER_HOUR) + ".";
    }

    // --- typed text --------------------------------------------------------------------------------------------

    /** What was typed in a cell: the kind its letters name and the hours read ({@link HoursFormat#parse}). */
    public record Typed(HoursKind kind, HoursVerdict hours) {
    }

    /**
     * Reads a cell's text: nothing or C for the worksite, E in a company, F in training, A (or AJ) justified absence,
     * I (or AI) unjustified absence, then the hours ("E4", "f 3,5", "6h30"). Empty when the letters name no kind.
     */
    public static Optional<Typed> read(String text) {
        String value = text == null ? "" : text;
        Matcher matcher = KIND_LETTERS.matcher(value);
        if (!matcher.matches()) {
            return Optional.of(new Typed(HoursKind.TRAVAIL_CHANTIER, HoursFormat.parse(value)));
        }
        HoursKind kind = switch (matcher.group(1).toLowerCase(Locale.ROOT)) {
            case "c" -> HoursKind.TRAVAIL_CHANTIER;
            case "e" -> HoursKind.ENTREPRISE;
            case "f" -> HoursKind.FORMATION;
            case "a", "aj" -> HoursKind.ABSENCE_JUSTIFIEE;
            case "i", "ai" -> HoursKind.ABSENCE_INJUSTIFIEE;
            default -> null;
        };
        return kind == null ? Optional.empty() : Optional.of(new Typed(kind, HoursFormat.parse(matcher.group(2))));
    }

    /** The letter typed for a kind ("" for the worksite, the default): {@link #read} of it gives the kind back. */
    public static String letter(HoursKind kind) {
        return switch (kind) {
            case TRAVAIL_CHANTIER -> "";
            case ENTREPRISE -> "E";
            case FORMATION -> "F";
            case ABSENCE_JUSTIFIEE -> "A";
            case ABSENCE_INJUSTIFIEE -> "I";
        };
    }
}
