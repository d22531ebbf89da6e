package io.dastyar.knowledge.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.dastyar.support.PostgresTest;

/** {@code GET /api/kb/search} over the shipped sample knowledge base, in all four languages. */
@PostgresTest
class SearchApiTest {

    @Autowired
    WebApplicationContext context;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Where is my parcel? I want to track it | en | track-order",
            "I was charged twice for one order | en | charged-twice",
            "سفارشم کجاست؟ | fa | track-order",
            "پول دو بار از حسابم کم شده | fa | charged-twice",
            "أين طلبي؟ أريد تتبع الشحنة | ar | track-order",
            "Sifarişimi necə izləyə bilərəm? | az | track-order",
    })
    void findsTheRightArticleInEachLanguageWithoutBeingToldTheLanguage(String question, String language, String article)
            throws Exception {
        mvc.perform(get("/api/kb/search").param("q", question))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value(language))
                .andExpect(jsonPath("$.answerable").value(true))
                .andExpect(jsonPath("$.hits[0].id").value(article))
                .andExpect(jsonPath("$.hits[0].title").isNotEmpty())
                .andExpect(jsonPath("$.hits[0].score").value(greaterThanOrEqualTo(0.2), Double.class));
    }

    @Test
    void anOutOfScopeQuestionIsNotAnswerable() throws Exception {
        mvc.perform(get("/api/kb/search").param("q", "Who won the football world cup in 1966?").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("en"))
                .andExpect(jsonPath("$.answerable").value(false));
    }

    @Test
    void limitBoundsTheHits() throws Exception {
        mvc.perform(get("/api/kb/search").param("q", "refund").param("lang", "en").param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hits.length()").value(2));
    }

    @Test
    void badParametersGetAClearMessage() throws Exception {
        mvc.perform(get("/api/kb/search").param("q", "refund").param("lang", "xx"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("lang must be one of en, fa, ar, az")));
        mvc.perform(get("/api/kb/search").param("q", "refund").param("limit", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("limit must be between 1 and 50")));
        mvc.perform(get("/api/kb/search").param("q", " "))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/kb/search")).andExpect(status().isBadRequest());
    }
}
