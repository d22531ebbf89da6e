package io.dastyar.knowledge.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dastyar.knowledge.analysis.LanguageAnalyzers;
import io.dastyar.system.Language;

/**
 * Gathers questions that ask the same thing, so an admin sees what customers need most. Two questions are
 * alike when the terms the search index makes of them (stemmed, normalised, in their own language) overlap
 * enough. Greedy: a question joins the first group whose first question is close enough, else starts one.
 */
final class QuestionGroups {

    /** Jaccard similarity of the term sets at which two questions count as one. */
    static final double SIMILAR = 0.5;
    static final int EXAMPLES = 5;
    static final int PREFILL = 10;
    /**
     * Characters of questions a "Create article" link carries at most: the link is a GET address, and a
     * Persian or Arabic letter takes six characters in it, so many long questions would overflow the server's
     * 8 KB limit on a request's head.
     */
    static final int PREFILL_CHARACTERS = 800;

    record Question(Language language, String text) {
    }

    /** {@code examples}: a few distinct questions; {@code prefill}: the ones the new article starts with. */
    record Group(Language language, int count, List<String> examples, List<String> prefill) {
    }

    private QuestionGroups() {
    }

    /** The groups, most frequent first; among equals, in the order their first question came. */
    static List<Group> of(List<Question> questions) {
        Map<Language, List<Gathering>> byLanguage = new EnumMap<>(Language.class);
        List<Gathering> all = new ArrayList<>();
        for (Question question : questions) {
            String text = question.text().strip();
            Set<String> terms = LanguageAnalyzers.terms(question.language(), text);
            List<Gathering> groups = byLanguage.computeIfAbsent(question.language(), language -> new ArrayList<>());
            Gathering home = groups.stream().filter(group -> group.accepts(terms, text)).findFirst().orElse(null);
            if (home == null) {
                home = new Gathering(question.language(), terms, text);
                groups.add(home);
                all.add(home);
            }
            home.add(text);
        }
        return all.stream().sorted(Comparator.comparingInt(Gathering::count).reversed()).map(Gathering::group)
                .toList();
    }

    static double similarity(Set<String> one, Set<String> other) {
        Set<String> union = new HashSet<>(one);
        union.addAll(other);
        if (union.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(one);
        common.retainAll(other);
        return (double) common.size() / union.size();
    }

    /** One group while it is being gathered; its first question represents it. */
    private static final class Gathering {

        private final Language language;
        private final Set<String> terms;
        private final String first;
        private final Set<String> distinct = new LinkedHashSet<>();
        private int count;

        Gathering(Language language, Set<String> terms, String first) {
            this.language = language;
            this.terms = terms;
            this.first = first;
        }

        /** Questions with no searchable word at all ("?", "hi") are alike only when they are the same text. */
        boolean accepts(Set<String> candidate, String text) {
            return terms.isEmpty() && candidate.isEmpty()
                    ? first.equalsIgnoreCase(text)
                    : similarity(terms, candidate) >= SIMILAR;
        }

        void add(String text) {
            distinct.add(text);
            count++;
        }

        int count() {
            return count;
        }

        Group group() {
            List<String> prefill = new ArrayList<>();
            int characters = 0;
            for (String text : distinct) {
                if (prefill.size() == PREFILL) {
                    break;
                }
                if (characters + text.length() <= PREFILL_CHARACTERS) {
                    prefill.add(text);
                    characters += text.length();
                }
            }
            return new Group(language, count, distinct.stream().limit(EXAMPLES).toList(), List.copyOf(prefill));
        }
    }
}
