package io.dastyar.agent.api;

import org.jspecify.annotations.Nullable;

import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.channel.Attachment;

/**
 * A customer's photo, file or location on a chat line, as the console shows it: {@code kind} in lower case; a file's
 * {@code url} (the server passes it on from the channel, {@link AttachmentController}) with the name and type the
 * customer's app gave, which are theirs and only ever shown as text; a location's coordinates instead of a url.
 */
record AttachmentView(String kind, @Nullable String url, @Nullable String name, @Nullable String mimeType,
                      @Nullable Double latitude, @Nullable Double longitude) {

    static AttachmentView of(ConversationId conversation, long line, Attachment attachment) {
        String kind = attachment.kind().name().toLowerCase();
        if (attachment.kind() == Attachment.Kind.LOCATION) {
            String[] coordinates = attachment.reference().split(",");
            return new AttachmentView(kind, null, null, null, Double.valueOf(coordinates[0]),
                    Double.valueOf(coordinates[1]));
        }
        return new AttachmentView(kind, "/api/agent/conversations/" + conversation + "/attachments/" + line,
                attachment.fileName().orElse(null), attachment.mimeType().orElse(null), null, null);
    }
}
