package io.dastyar.conversation;

import java.util.Objects;
import java.util.UUID;

public record ConversationId(UUID value) {

    public ConversationId {
        Objects.requireNonNull(value, "value");
    }

    public static ConversationId parse(String text) {
        return new ConversationId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
