package io.dastyar.handoff;

import java.util.List;
import java.util.Optional;

import io.dastyar.conversation.ConversationId;

/**
 * Hand-off's API for the agent workspace: who is waiting for a person, which chats an agent holds, and what agents
 * do with them. Agents are named by their account's username. Every action checks that the agent may take it and
 * says why not, so that the caller can tell the agent (and an API client) exactly what went wrong.
 */
public interface Handoff {

    /** Everyone waiting for a person, first in line first. */
    List<WaitingChat> queue();

    /** The chats this agent holds now, longest held first. */
    List<HeldChat> chatsOf(String agent);

    /** Every chat waiting for or with a person, for supervisors: the queue first in line first, then by agent. */
    List<ChatOverview> allChats();

    /**
     * A supervisor (or admin) gives a chat to an agent, or takes it themselves ({@code toAgent} is the supervisor).
     * A held chat leaves its holder as a transfer does (it counts as one, logged with the supervisor as its actor)
     * and waits at the front of the queue for that agent; a waiting chat is kept for that agent. Whether the
     * caller is a supervisor is for the caller to check: hand-off knows agents, not roles.
     */
    Outcome reassign(String supervisor, ConversationId conversation, String toAgent);

    /** Whether this agent holds this conversation now: only the holder may write to the customer or resolve. */
    boolean holds(String agent, ConversationId conversation);

    /** Takes a waiting chat. Of two agents claiming the same chat at once, exactly one gets {@link Outcome#DONE}. */
    Outcome claim(String agent, ConversationId conversation);

    /**
     * Passes a held chat to another agent or a team. The history goes with it, and it counts as a transfer.
     * The chat waits at the front of the queue until the target can take it.
     */
    Outcome transfer(String agent, ConversationId conversation, TransferTarget target);

    /** Ends a held chat: the customer is asked the CSAT question. */
    Outcome resolve(String agent, ConversationId conversation);

    /**
     * Records that the agent wrote to the customer in a chat they hold; the first reply of each holder is kept for
     * reports (first response time). Call it after {@code Conversations.sendFromAgent} succeeded.
     */
    void replied(String agent, ConversationId conversation);

    /** An agent's presence, also their console's heartbeat; the first call registers the agent. */
    void presence(String agent, Presence presence);

    Optional<AgentStatus> status(String agent);

    /** The teams chats can be transferred to. */
    List<String> teams();

    /** What became of an agent's action. */
    enum Outcome {
        DONE,
        /** No conversation with that id is waiting for or with a person. */
        UNKNOWN_CONVERSATION,
        /** Another agent took it first. */
        TAKEN_BY_ANOTHER,
        /** The chat is not waiting any more (taken, ended or resolved). */
        NOT_WAITING,
        /** The agent already holds as many chats as their capacity allows. */
        AGENT_FULL,
        /** The agent does not hold this chat. */
        NOT_YOURS,
        /** The transfer's target agent does not exist. */
        UNKNOWN_AGENT,
        /** The transfer's target agent is not online. */
        AGENT_OFFLINE,
        /** The target agent does not speak the customer's language: routing could never give them the chat. */
        AGENT_LACKS_LANGUAGE,
        /** The transfer's target team does not exist. */
        UNKNOWN_TEAM,
        /** The chat was already resolved or ended by the customer. */
        ALREADY_CLOSED,
        /** A transfer left the chat for another agent, or for a team the agent is not in. */
        MEANT_FOR_ANOTHER
    }
}
