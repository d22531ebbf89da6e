package io.dastyar.knowledge.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.dastyar.system.Language;

/** The knowledge admin pages are for admins only: not for agents, not for strangers, not without a CSRF token. */
class KnowledgeAdminAccessTest extends KnowledgeAdminTestBase {

    private static final RequestPostProcessor AGENT = user("agent-x").roles("AGENT");

    private String id;
    private String text;
    private List<String> pages;

    @BeforeEach
    void anArticle() {
        id = uniqueId("access");
        text = article("Do you have a loyalty card?", "How do I collect points?", "Yes: the Anar Club card.");
        put(Language.EN, id, text);
        pages = List.of("/admin/knowledge", "/admin/knowledge?q=loyalty", "/admin/knowledge/new?lang=fa",
                "/admin/knowledge/en/" + id, "/admin/knowledge/en/" + id + "/delete", "/admin/knowledge/try?q=points",
                "/admin/knowledge/unanswered");
    }

    @Test
    void strangersAreSentToSignIn() throws Exception {
        for (String page : pages) {
            mvc.perform(get(page).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
        }
    }

    @Test
    void agentsAreForbidden() throws Exception {
        for (String page : pages) {
            mvc.perform(get(page).with(AGENT)).andExpect(status().isForbidden());
        }
    }

    @Test
    void adminsGetEveryPage() throws Exception {
        for (String page : pages) {
            mvc.perform(get(page).with(admin())).andExpect(status().isOk());
        }
    }

    @Test
    void onlyAnAdminWithACsrfTokenChangesAnything() throws Exception {
        String created = uniqueId("sneaky");
        mvc.perform(post("/admin/knowledge/new").accept(MediaType.TEXT_HTML).with(csrf()).param("language", "en")
                        .param("id", created).param("title", "Sneaky").param("body", "Sneaky answer."))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/admin/knowledge/new").with(AGENT).with(csrf()).param("language", "en").param("id", created)
                        .param("title", "Sneaky").param("body", "Sneaky answer."))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/knowledge/en/" + id).with(AGENT).with(csrf()).param("title", "Changed")
                        .param("body", "Changed answer."))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/knowledge/en/" + id + "/delete").with(AGENT).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/knowledge/en/" + id + "/delete").with(admin()))
                .andExpect(status().isForbidden());

        assertThat(read(Language.EN, created)).isEmpty();
        assertThat(read(Language.EN, id)).hasValue(text);
        assertThat(jdbc.sql("SELECT count(*) FROM kb_audit WHERE article_id IN (?, ?)").params(id, created)
                .query(Long.class).single()).isZero();
    }
}
