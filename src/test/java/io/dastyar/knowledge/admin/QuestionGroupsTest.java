package io.dastyar.knowledge.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.dastyar.knowledge.admin.QuestionGroups.Group;
import io.dastyar.knowledge.admin.QuestionGroups.Question;
import io.dastyar.system.Language;

/** Similar questions are grouped through each language's own analysis; the biggest groups come first. */
class QuestionGroupsTest {

    @Test
    void questionsThatShareMostOfTheirTermsGoTogetherAndTheMostFrequentComeFirst() {
        List<Group> groups = QuestionGroups.of(List.of(
                en("Is there a store in Tabriz?"),
                en("Do you accept bitcoin payments?"),
                en("do you accept Bitcoin payment"),      // stemmed and lower-cased: the same terms
                en("Do you take bitcoin payments?"),      // 3 of 5 terms shared: similar enough
                en("Do you accept bitcoin payments?"),
                en("Can I pay with bitcoin?")));          // pay/payment: too little in common

        assertThat(groups).extracting(Group::count).containsExactly(4, 1, 1);
        assertThat(groups.getFirst().examples()).containsExactly("Do you accept bitcoin payments?",
                "do you accept Bitcoin payment", "Do you take bitcoin payments?");
        assertThat(groups.get(1).examples()).containsExactly("Is there a store in Tabriz?");
    }

    @Test
    void persianSpellingVariantsAreTheSameQuestionButLanguagesNeverMix() {
        List<Group> groups = QuestionGroups.of(List.of(
                new Question(Language.FA, "فروشگاه در تبریز دارید؟"),
                new Question(Language.FA, "فروشگاه در تبريز داريد"),   // Arabic yeh, as Arabic keyboards type it
                new Question(Language.AR, "فروشگاه در تبریز دارید؟")));

        assertThat(groups).extracting(Group::language, Group::count)
                .containsExactly(tuple(Language.FA, 2),
                        tuple(Language.AR, 1));
    }

    @Test
    void questionsWithoutSearchableWordsAreAlikeOnlyWhenTheyAreTheSameText() {
        List<Group> groups = QuestionGroups.of(List.of(en("?"), en("?"), en("hi"), en("Hi ")));

        assertThat(groups).extracting(Group::examples).containsExactly(List.of("?"), List.of("hi", "Hi"));
        assertThat(groups).extracting(Group::count).containsExactly(2, 2);
    }

    @Test
    void theNewArticleStartsWithAtMostTenDistinctQuestionsThatFitInALink() {
        List<Question> many = new ArrayList<>();
        IntStream.range(0, 12).forEach(i -> many.add(en("Do you accept bitcoin payments " + "!".repeat(i))));
        Group group = QuestionGroups.of(many).getFirst();
        assertThat(group.count()).isEqualTo(12);
        assertThat(group.prefill()).hasSize(QuestionGroups.PREFILL).doesNotHaveDuplicates();
        assertThat(group.examples()).hasSize(QuestionGroups.EXAMPLES);

        String long1 = "Do you accept bitcoin payments? " + "x".repeat(QuestionGroups.PREFILL_CHARACTERS);
        Group tooLong = QuestionGroups.of(List.of(en("Do you accept bitcoin payments?"), en(long1))).getFirst();
        assertThat(tooLong.count()).isEqualTo(2);
        assertThat(tooLong.prefill()).containsExactly("Do you accept bitcoin payments?");
    }

    private static Question en(String text) {
        return new Question(Language.EN, text);
    }
}
