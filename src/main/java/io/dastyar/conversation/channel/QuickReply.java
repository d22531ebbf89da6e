package io.dastyar.conversation.channel;

/** A button offered with a reply. The payload comes back as {@link Inbound.Button} when pressed. */
public record QuickReply(String label, String payload) {

    public static final String HELPED = "helped";
    public static final String NOT_HELPED = "not_helped";
    public static final String PERSON = "person";
    public static final String END = "end";
    public static final String SKIP_COMMENT = "skip_comment";
    public static final String RATE_PREFIX = "rate:";
    public static final String CHOOSE_PREFIX = "choose:";
}
