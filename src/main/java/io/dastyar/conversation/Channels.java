package io.dastyar.conversation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.dastyar.conversation.channel.Channel;

/** The enabled channels by name. */
@Component
class Channels {

    private final Map<String, Channel> byName;

    Channels(List<Channel> channels) {
        this.byName = channels.stream().collect(Collectors.toMap(Channel::name, Function.identity()));
    }

    Optional<Channel> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    boolean drawsButtons(String name) {
        return named(name).map(Channel::drawsButtons).orElse(true);
    }
}
