package io.dastyar.conversation.channel;

/** A button offered with a reply. The payload comes back as {@link Inbound.Button} when pressed. */
public record QuickReply(String label, String payload) {

    public static final String HELPED = "helped";
    public static final String NOT_HELPED = "not_helped";
    public static final String PERSON = "person";
    public static final String END = "end";
    public static final String SKIP_COMMENT = "skip_comment";
    public static final String SKIP_NPS = "skip_nps";
    public static final String RATE_PREFIX = "rate:";
    public static final String CHOOSE_PREFIX = "choose:";
    /** "Would you recommend us?": {@code nps:0} to {@code nps:10}. */
    public static final String NPS_PREFIX = "nps:";
    /** A reason after a low rating: {@code reason:} and the configured reason's code. */
    public static final String REASON_PREFIX = "reason:";
}
