package io.dastyar.agent;

import java.time.Clock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.dastyar.conversation.Conversations;

/**
 * TEST DOUBLES for the workspace's tests while the real hand-off and agent API are written elsewhere: an in-memory
 * {@link io.dastyar.handoff.Handoff} and a stub of the REST endpoints of {@code docs/agent-api.md}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(AgentApiTestDouble.class)
public class WorkspaceTestDoubles {

    @Bean
    InMemoryHandoff inMemoryHandoffTestDouble(Conversations conversations, ApplicationEventPublisher events, Clock clock) {
        return new InMemoryHandoff(conversations, events, clock);
    }
}
