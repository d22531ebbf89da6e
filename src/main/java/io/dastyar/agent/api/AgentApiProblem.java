package io.dastyar.agent.api;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import io.dastyar.handoff.Handoff.Outcome;

/** A refusal of the agent API, answered as an RFC 9457 problem detail whose type names the case. */
class AgentApiProblem extends RuntimeException {

    static final String TYPES = "https://dastyar.io/problems/";

    private final HttpStatus status;
    private final String type;

    AgentApiProblem(HttpStatus status, String type, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
    }

    static AgentApiProblem invalidMessage(String detail) {
        return new AgentApiProblem(HttpStatus.BAD_REQUEST, "invalid-message", detail);
    }

    static AgentApiProblem invalidRequest(String detail) {
        return new AgentApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", detail);
    }

    static AgentApiProblem unknownConversation() {
        return of(Outcome.UNKNOWN_CONVERSATION);
    }

    /** The problem for an action's refusal; never called with {@link Outcome#DONE}. */
    static AgentApiProblem of(Outcome outcome) {
        return switch (outcome) {
            case UNKNOWN_CONVERSATION -> new AgentApiProblem(HttpStatus.NOT_FOUND, "unknown-conversation",
                    "No conversation with that id is waiting for or with a person.");
            case NOT_YOURS -> new AgentApiProblem(HttpStatus.FORBIDDEN, "not-yours",
                    "You do not hold this conversation.");
            case TAKEN_BY_ANOTHER -> new AgentApiProblem(HttpStatus.CONFLICT, "taken-by-another",
                    "Another agent took this conversation first.");
            case NOT_WAITING -> new AgentApiProblem(HttpStatus.CONFLICT, "not-waiting",
                    "This conversation is not waiting for a person any more.");
            case AGENT_FULL -> new AgentApiProblem(HttpStatus.CONFLICT, "agent-full",
                    "You already hold as many conversations as your capacity allows.");
            case ALREADY_CLOSED -> new AgentApiProblem(HttpStatus.CONFLICT, "already-closed",
                    "This conversation was already resolved or ended by the customer.");
            case UNKNOWN_AGENT -> new AgentApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-agent",
                    "There is no agent with that username.");
            case UNKNOWN_TEAM -> new AgentApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-team",
                    "There is no team with that name.");
            case AGENT_OFFLINE -> new AgentApiProblem(HttpStatus.CONFLICT, "agent-offline",
                    "That agent is not online.");
            case AGENT_LACKS_LANGUAGE -> new AgentApiProblem(HttpStatus.CONFLICT, "agent-lacks-language",
                    "That agent does not speak the customer's language.");
            case MEANT_FOR_ANOTHER -> new AgentApiProblem(HttpStatus.CONFLICT, "meant-for-another",
                    "This conversation was transferred to another agent or to a team you are not in.");
            case DONE -> throw new IllegalArgumentException("DONE is no problem");
        };
    }

    ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    HttpStatus status() {
        return status;
    }
}
