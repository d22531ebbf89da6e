package io.dastyar.agent.api;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.dastyar.agent.StaffRoles;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.TranscriptEntry;
import io.dastyar.conversation.channel.Attachment;
import io.dastyar.conversation.channel.ChannelFile;
import io.dastyar.handoff.Handoff;
import io.dastyar.handoff.Handoff.Outcome;

/**
 * The files customers sent, for the console: fetched from the customer's channel by the server, so the channel's
 * credentials never reach a browser, and served so that no browser runs them ({@link SafeFiles}). Only the agent
 * holding the chat, supervisors and admins may open them, as they may read the chat.
 */
@RestController
class AttachmentController {

    private static final Logger log = LoggerFactory.getLogger(AttachmentController.class);

    private final Conversations conversations;
    private final Handoff handoff;

    AttachmentController(Conversations conversations, Handoff handoff) {
        this.conversations = conversations;
        this.handoff = handoff;
    }

    @GetMapping("/api/agent/conversations/{id}/attachments/{line}")
    ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable String line, Authentication user) {
        ConversationId conversation = AgentApiController.parse(id);
        if (conversations.find(conversation).isEmpty()) {
            throw AgentApiProblem.unknownConversation();
        }
        if (!handoff.holds(user.getName(), conversation) && !StaffRoles.supervises(user)) {
            throw AgentApiProblem.of(Outcome.NOT_YOURS);
        }
        long number = lineNumber(line);
        Attachment attachment = conversations.transcript(conversation).stream()
                .filter(entry -> entry.id() == number).findFirst().flatMap(TranscriptEntry::attachment)
                .filter(found -> found.kind() != Attachment.Kind.LOCATION)
                .orElseThrow(() -> new AgentApiProblem(HttpStatus.NOT_FOUND, "unknown-attachment",
                        "That line of this conversation has no file."));
        try {
            ChannelFile file = conversations.attachmentFile(conversation, number)
                    .orElseThrow(() -> new AgentApiProblem(HttpStatus.NOT_FOUND, "attachment-gone",
                            "The customer's channel no longer has this file."));
            return SafeFiles.serve(attachment, file);
        } catch (ChannelFile.TooLarge e) {
            throw new AgentApiProblem(HttpStatus.BAD_GATEWAY, "attachment-too-large",
                    "The file is larger than the " + ChannelFile.MAX_BYTES / (1024 * 1024) + " MB the server passes on.");
        } catch (IOException e) {
            log.warn("Could not fetch attachment {} of {}", number, conversation, e);
            throw new AgentApiProblem(HttpStatus.BAD_GATEWAY, "attachment-unavailable",
                    "The customer's channel could not hand over the file just now. Try again in a moment.");
        }
    }

    private static long lineNumber(String line) {
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new AgentApiProblem(HttpStatus.NOT_FOUND, "unknown-attachment", "There is no line " + line + ".");
        }
    }
}
