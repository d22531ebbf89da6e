package io.dastyar.conversation;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.PersonRequestText.Token;
import io.dastyar.system.Language;

/**
 * Whether a customer's own words ask for a person: "I want to talk to a human", «میخوام با اپراتور صحبت کنم»,
 * «أريد التحدث مع موظف», «operatorla danışmaq istəyirəm». The words and patterns are bundle text ({@code person.*}
 * in {@code i18n/bot*.properties}, whose format bot.properties describes), so translators keep them; this class
 * normalises the message ({@link PersonRequestText}) and matches whole words ({@link PersonRequestRules}, one per
 * language, of {@link PersonRequestPhrases}). Every language's rules are tried, the conversation's first, because
 * customers switch language. See docs/person-requests.md.
 */
@Component
class PersonRequests {

    private final Map<Language, PersonRequestRules> rules = new EnumMap<>(Language.class);

    PersonRequests(MessageSource messages) {
        for (Language language : Language.values()) {
            rules.put(language,
                    PersonRequestRules.parse(language, key -> messages.getMessage(key, null, language.locale())));
        }
    }

    /** True when the text asks for a person in any language, the given one (if any) tried first. */
    boolean isRequest(String text, @Nullable Language first) {
        return explain(text, first).isPresent();
    }

    /** Which rule found a request in the text ("fa: {human} ~ {talk}"), or empty when it is none. */
    Optional<String> explain(String text, @Nullable Language first) {
        List<Token> tokens = PersonRequestText.tokens(text, false);
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        Stream<Language> order = Stream.concat(Stream.ofNullable(first),
                Arrays.stream(Language.values()).filter(language -> language != first));
        return order.map(language -> rules.get(language).explain(tokens).map(rule -> language.tag() + ": " + rule))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
