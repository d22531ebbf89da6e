package io.dastyar.conversation.channel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Something other than text that a customer sent: a photo, a file, a voice note, a video, a sticker or a location.
 * The conversation keeps only the channel's {@code reference} to it; the file stays with the channel, which hands it
 * over on demand ({@link Channel#file(String)}), so an agent sees it through the server and never with the channel's
 * credentials. What the customer named the file is theirs: it is shown as text only, never trusted as a path or type.
 *
 * @param reference the channel's id of the file (a Telegram {@code file_id}); for a location, {@code "lat,lon"} in
 *                  decimal degrees ({@link #location(double, double)})
 * @param fileName  the file's name as the customer's app gave it, if any
 * @param mimeType  the type the channel states, if any; a hint only, never the type the file is served as
 */
public record Attachment(Kind kind, String reference, Optional<String> fileName, Optional<String> mimeType) {

    public enum Kind { PHOTO, DOCUMENT, VOICE, VIDEO, STICKER, LOCATION }

    public static final int MAX_REFERENCE = 512;
    public static final int MAX_FILE_NAME = 255;
    private static final Pattern MIME_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}");
    private static final Pattern COORDINATES = Pattern.compile("-?\\d{1,3}(\\.\\d{1,8})?,-?\\d{1,3}(\\.\\d{1,8})?");

    public Attachment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
        if (reference.isBlank() || reference.length() > MAX_REFERENCE
                || reference.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A reference is 1 to " + MAX_REFERENCE + " characters, no control characters");
        }
        if (kind == Kind.LOCATION) {
            checkCoordinates(reference);
        }
        // The customer's app names the file: keep what can be shown, drop what could not be stored or shown.
        fileName = fileName.map(Attachment::printable).filter(name -> !name.isBlank())
                .map(name -> name.length() > MAX_FILE_NAME ? name.substring(0, MAX_FILE_NAME) : name);
        mimeType = mimeType.map(type -> type.strip().toLowerCase(Locale.ROOT)).filter(MIME_TYPE.asMatchPredicate());
    }

    /** A file of this kind, with nothing known about it but the channel's reference. */
    public static Attachment of(Kind kind, String reference) {
        return new Attachment(kind, reference, Optional.empty(), Optional.empty());
    }

    /** A shared location, kept as {@code "lat,lon"} with at most six decimals (about 10 cm). */
    public static Attachment location(double latitude, double longitude) {
        return of(Kind.LOCATION, degrees(latitude) + "," + degrees(longitude));
    }

    private static String degrees(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static void checkCoordinates(String reference) {
        if (!COORDINATES.matcher(reference).matches()) {
            throw new IllegalArgumentException("A location is \"lat,lon\" in decimal degrees, not " + reference);
        }
        String[] parts = reference.split(",");
        double latitude = Double.parseDouble(parts[0]);
        double longitude = Double.parseDouble(parts[1]);
        if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
            throw new IllegalArgumentException("No such place: " + reference);
        }
    }

    private static String printable(String text) {
        return text.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
    }
}
